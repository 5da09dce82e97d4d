import fc from "fast-check";
import type { z } from "zod";
import { dateBounds, defOf, isOptional, lengthBounds, numberBounds, patternsOf, type Def } from "./zodShape";

/**
 * fast-check arbitraries derived from a zod input schema, for fuzzing every procedure: mostly values the schema
 * describes (small ids that hit seeded rows, real emails and dates) so the input reaches the service, mixed with
 * the edges a schema lets through when it is too loose (the largest numbers it allows, text with NUL bytes and
 * lone surrogates, the longest strings) and now and then something of the wrong shape altogether.
 */

export type ArbitraryOptions = { emails?: readonly string[] };

/** Text that PostgreSQL, JSON or a LIKE pattern may choke on. */
const awkward = ["\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "%", "_", "\\", "'", '"', "😀", "\u202E", " ", "%00", "1e309"];
const numberEdges = [0, 1, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
const earliest = new Date(-8.64e15);
const latest = new Date(8.64e15);

function stringArbitrary(def: Def, options: ArbitraryOptions): fc.Arbitrary<string> {
  const { min, max } = lengthBounds(def);
  const cap = Math.min(max, Math.max(min, 40));
  const patterns = patternsOf(def);
  let typical: fc.Arbitrary<string>;
  if (def.format === "email")
    typical = fc.oneof(fc.emailAddress(), fc.constantFrom(...(options.emails?.length ? options.emails : ["someone@example.test"])));
  else if (patterns.length === 1) typical = fc.stringMatching(patterns[0]!).filter((value) => value.length <= cap);
  else typical = fc.string({ minLength: Math.min(min, cap), maxLength: cap, unit: "grapheme" });
  const spoiled = fc
    .tuple(typical, fc.constantFrom(...awkward), fc.nat())
    .map(([value, bad, at]) => value.slice(0, at % (value.length + 1)) + bad + value.slice(at % (value.length + 1)));
  const longest = Number.isFinite(max)
    ? [fc.constant("x".repeat(max)), fc.constant(" ".repeat(max) + "x")]
    : [fc.constant("x".repeat(100_000))];
  return fc.oneof({ weight: 6, arbitrary: typical }, { weight: 3, arbitrary: spoiled }, { weight: 1, arbitrary: fc.oneof(...longest) });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const { min, max, int } = numberBounds(def);
  const within = (n: number) => n >= min && n <= max;
  const edges = [min, max, ...numberEdges].filter((n) => Number.isFinite(n) && within(n));
  if (!int) {
    const any = fc.double({ min: Number.isFinite(min) ? min : -1e308, max: Number.isFinite(max) ? max : 1e308, noNaN: true });
    return edges.length ? fc.oneof(any, fc.constantFrom(...edges)) : any;
  }
  const low = Math.max(min, Number.MIN_SAFE_INTEGER);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  // Ids of seeded rows (and the versions they carry) are small: most values land on something that exists.
  const small = fc.integer({ min: Math.max(low, Math.min(1, high)), max: Math.min(high, Math.max(60, low)) });
  const any = fc.integer({ min: low, max: high });
  return fc.oneof(
    { weight: 6, arbitrary: small },
    { weight: 2, arbitrary: any },
    ...(edges.length ? [{ weight: 2, arbitrary: fc.constantFrom(...edges) }] : []),
  );
}

function dateArbitrary(def: Def): fc.Arbitrary<Date> {
  const { min = earliest, max = latest } = dateBounds(def);
  const near = fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000));
  return fc.oneof(
    { weight: 3, arbitrary: near },
    { weight: 1, arbitrary: fc.date({ min, max, noInvalidDate: true }) },
    fc.constantFrom(min, max),
  );
}

function objectArbitrary(def: Def, options: ArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape ?? {};
  const fields = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, arbitraryOf(schema, options)]));
  const requiredKeys = Object.keys(shape).filter((key) => !isOptional(shape[key]!));
  return fc.record(fields, { requiredKeys });
}

/** Values for `schema`, as a client might send them. */
export function arbitraryOf(schema: z.ZodType, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (next: z.ZodType | undefined) => (next ? arbitraryOf(next, options) : fc.anything());
  switch (def.type) {
    case "string":
      return stringArbitrary(def, options);
    case "number":
      return numberArbitrary(def);
    case "date":
      return dateArbitrary(def);
    case "boolean":
      return fc.boolean();
    case "bigint":
      return fc.bigInt();
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? []));
    case "object":
      return objectArbitrary(def, options);
    case "array": {
      const { min, max } = lengthBounds(def);
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.min(max, Math.max(min, 5)) });
    }
    case "tuple":
      return fc.tuple(...(def.items ?? []).map((item) => arbitraryOf(item, options)));
    case "union":
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryOf(option, options)));
    case "intersection":
      return inner(def.left);
    case "record":
      return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), { maxKeys: 3 });
    case "optional":
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return inner(def.innerType);
    case "pipe":
      return inner(def.in);
    case "lazy":
      return inner(def.getter?.());
    default:
      return fc.anything();
  }
}

/** A procedure's input as a fuzzer sends it: mostly shaped by the schema, sometimes anything at all. */
export function inputArbitrary(schema: z.ZodType | undefined, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.anything() });
  return fc.oneof({ weight: 19, arbitrary: arbitraryOf(schema, options) }, { weight: 1, arbitrary: fc.anything() });
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./root";
import { day, earliestMoment, id, INT4_MAX, latestMoment, text, wellFormed } from "../schemas/common";
import { tokenRequest } from "../schemas/oauth";
import { dateBounds, defOf, lengthBounds, numberBounds } from "../test/zodShape";

/**
 * Every input is bounded where the database would otherwise answer with a 500: each whole number fits int4, each
 * date a timestamp column, each string carries the well-formed check (no NUL, no lone surrogate) and a length
 * limit, each list a size limit. Walked over every procedure's input, so a new field built without the shared
 * primitives of server/schemas/common.ts fails here.
 */

const INT4_MIN = -INT4_MAX - 1;

function problemsOf(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (next: z.ZodType | undefined, at = path) => (next ? problemsOf(next, at, seen) : [`${at}: nothing to walk`]);
  switch (def.type) {
    case "string": {
      const problems: string[] = [];
      if (!(def.checks ?? []).some((check) => check === (wellFormed as unknown)))
        problems.push(`${path}: text without the well-formed check`);
      if (!Number.isFinite(lengthBounds(def).max)) problems.push(`${path}: text without a length limit`);
      return problems;
    }
    case "number": {
      const { min, max, int } = numberBounds(def);
      if (int) return min >= INT4_MIN && max <= INT4_MAX ? [] : [`${path}: whole numbers ${min}..${max} do not fit int4`];
      return Number.isFinite(min) && Number.isFinite(max) ? [] : [`${path}: a number without bounds`];
    }
    case "date": {
      const { min, max } = dateBounds(def);
      return min && max && min >= earliestMoment && max <= latestMoment ? [] : [`${path}: a date beyond what a timestamp column keeps`];
    }
    case "array":
      return [
        ...(Number.isFinite(lengthBounds(def).max) ? [] : [`${path}: a list without a size limit`]),
        ...walk(def.element, `${path}[]`),
      ];
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => problemsOf(field, `${path}.${key}`, seen));
    case "tuple":
      return (def.items ?? []).flatMap((item, index) => problemsOf(item, `${path}[${index}]`, seen));
    case "union":
      return (def.options ?? []).flatMap((option) => problemsOf(option, path, seen));
    case "intersection":
      return [...walk(def.left), ...walk(def.right)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(def.innerType);
    case "pipe":
      // What arrives is what the input side accepts; the output side only narrows it further.
      return walk(def.in);
    case "lazy":
      return walk(def.getter?.());
    case "boolean":
    case "enum":
    case "literal":
    case "null":
    case "undefined":
      return [];
    default:
      return [`${path}: a ${def.type} is not known to be bounded`];
  }
}

type Procedure = { _def: { inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const withInput = procedures.filter(([, procedure]) => procedure._def.inputs.length > 0);

describe("input bounds", () => {
  it("are walked on most procedures", () => expect(withInput.length).toBeGreaterThan(procedures.length / 2));

  it.each(withInput)("%s bounds every number, date, text and list of its input", (_path, procedure) => {
    expect(procedure._def.inputs.flatMap((input) => problemsOf(input, "input"))).toEqual([]);
  });

  it("hold for the OAuth token request too", () => {
    expect(problemsOf(tokenRequest, "form")).toEqual([]);
  });

  it("are what the walk looks for: it names each loose field", () => {
    const loose = z.object({
      count: z.number().int(),
      price: z.number(),
      name: z.string().max(10),
      note: z.string().check(wellFormed),
      ids: z.array(id),
      at: z.date(),
      tags: z.record(z.string(), z.string()),
    });
    expect(problemsOf(loose, "input")).toEqual([
      `input.count: whole numbers ${Number.MIN_SAFE_INTEGER}..${Number.MAX_SAFE_INTEGER} do not fit int4`,
      "input.price: a number without bounds",
      "input.name: text without the well-formed check",
      "input.note: text without a length limit",
      "input.ids: a list without a size limit",
      "input.at: a date beyond what a timestamp column keeps",
      "input.tags: a record is not known to be bounded",
    ]);
    expect(problemsOf(z.object({ id, name: text(10).optional(), ids: z.array(id).max(5) }), "input")).toEqual([]);
  });

  it("hold for days: from 1900 on, like moments (year 0000 passes the format but has no day in PostgreSQL)", () => {
    const accepted = (value: string) => day().safeParse(value).success;
    expect(["0000-02-29", "0001-01-01", "1899-12-31"].filter(accepted)).toEqual([]);
    expect(["1900-01-01", "2026-12-07", "9999-12-31"].every(accepted)).toBe(true);
  });
});

import type { z } from "zod";

/**
 * Reading zod 4 schemas from the inside (their `_zod.def`), for the tests that walk every procedure's input: the
 * bounds walk (server/schemas/bounds.test.ts) and the fuzzer's arbitraries (./arbitrary.ts).
 */

export type CheckDef = {
  check?: string;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
};
export type Def = CheckDef & {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
};

export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A field that may be left out (optional, or with a default). */
export const isOptional = (schema: z.ZodType) => (schema as unknown as { _zod: { optin?: string } })._zod.optin === "optional";

/** The checks on a schema; a format schema such as z.email() is a check itself. */
export function checksOf(def: Def): CheckDef[] {
  return [...(def.check ? [def] : []), ...(def.checks ?? []).map((check) => check._zod.def)];
}

const formatRange: Record<string, [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** The range a number schema accepts, and whether it takes whole numbers only. */
export function numberBounds(def: Def): { min: number; max: number; int: boolean } {
  let min = -Infinity;
  let max = Infinity;
  let int = false;
  for (const check of checksOf(def)) {
    if (check.check === "number_format" && check.format && check.format in formatRange) {
      int = true;
      const [low, high] = formatRange[check.format]!;
      min = Math.max(min, low);
      max = Math.min(max, high);
    }
    if (check.check === "greater_than" && typeof check.value === "number") {
      min = Math.max(min, check.inclusive ? check.value : int ? Math.floor(check.value) + 1 : check.value);
    }
    if (check.check === "less_than" && typeof check.value === "number") {
      max = Math.min(max, check.inclusive ? check.value : int ? Math.ceil(check.value) - 1 : check.value);
    }
  }
  return { min, max, int };
}

/** The length range of a string or array schema. */
export function lengthBounds(def: Def): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const check of checksOf(def)) {
    if (check.check === "min_length") min = Math.max(min, check.minimum ?? 0);
    if (check.check === "max_length") max = Math.min(max, check.maximum ?? Infinity);
    if (check.check === "length_equals") [min, max] = [check.length ?? 0, check.length ?? 0];
  }
  return { min, max };
}

/** The range of a date schema (z.date().min(...).max(...)); unbounded ends are undefined. */
export function dateBounds(def: Def): { min?: Date; max?: Date } {
  const range: { min?: Date; max?: Date } = {};
  for (const check of checksOf(def)) {
    if (check.check === "greater_than" && check.value instanceof Date) range.min = check.value;
    if (check.check === "less_than" && check.value instanceof Date) range.max = check.value;
  }
  return range;
}

/** The regular expressions a string must match (its format's and its .regex()'s). */
export const patternsOf = (def: Def) => checksOf(def).flatMap((check) => (check.pattern ? [check.pattern] : []));

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  decodeCursor,
  encodeCursor,
  keysetOrderBy,
  keysetPage,
  keysetRanges,
  keysetRows,
  keysetWhere,
  newestFirst,
  type KeysetSort,
} from "./keyset";
import { invalidCursorMessage } from "../../schemas/grid";
import { AppError } from "../../errors";

type Value = number | boolean | string | null;
type Row = { id: number; v: Value };

/** Evaluates the Prisma where fragments keysetWhere builds, on plain rows (equality, comparisons, in, null, OR, AND). */
function matches(row: Row, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([key, cond]) => {
    if (key === "OR") return (cond as Record<string, unknown>[]).some((c) => matches(row, c));
    const value = row[key as keyof Row] as Value;
    if (cond === null || typeof cond !== "object") return value === cond;
    const ops = cond as Record<string, Value | Value[]>;
    return Object.entries(ops).every(([op, operand]) => {
      if (op === "not") return operand === null ? value !== null : value !== operand;
      if (op === "in") return (operand as Value[]).includes(value);
      if (value === null || operand === null) return false;
      return op === "gt" ? value > operand : op === "gte" ? value >= operand : op === "lt" ? value < operand : value <= operand;
    });
  });
}

/** The order keysetOrderBy asks the database for: nulls last ascending, first descending, then id. */
function sorted(rows: Row[], sort: KeysetSort) {
  const sign = sort.dir === "asc" ? 1 : -1;
  const rank = (v: Value) => (sort.values ? sort.values.indexOf(v as string) : Number(v));
  return [...rows].sort((a, b) => {
    if (a.v !== b.v) {
      if (a.v === null) return sign;
      if (b.v === null) return -sign;
      return sign * (rank(a.v) - rank(b.v));
    }
    return sign * (a.id - b.id);
  });
}

/**
 * Pages through `rows` as a grid would (keysetRows over keysetRanges, then keysetPage) and returns the rows in the
 * order seen; with `repeats` set, the cursor's run and the later values are read as separate ranges.
 */
async function walk(rows: Row[], sort: KeysetSort, limit: number) {
  const seen: Row[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard <= rows.length; guard++) {
    const found = await keysetRows(sort, cursor, limit, async (where, take) =>
      sorted(
        rows.filter((r) => matches(r, where)),
        sort,
      ).slice(0, take),
    );
    const page = keysetPage(found, limit, sort, (r) => r.v);
    seen.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return seen;
}

describe("keyset pagination", () => {
  it("walks every row exactly once, in order, for any data, direction and page size, in one range or several", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { maxLength: 40 }),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (values, dir, limit, repeats) => {
          const rows = values.map((v, i) => ({ id: i + 1, v }));
          const sort: KeysetSort = { field: "v", dir, type: "number", nullable: true, repeats };
          expect(await walk(rows, sort, limit)).toEqual(sorted(rows, sort));
        },
      ),
    );
  });

  const discrete: [string, Pick<KeysetSort, "type" | "values">, fc.Arbitrary<Value>][] = [
    ["boolean", { type: "boolean" }, fc.boolean()],
    ["enum", { type: "string", values: ["ACTIVE", "RESET", "LOCKED"] }, fc.constantFrom("ACTIVE", "RESET", "LOCKED")],
  ];
  it.each(discrete)("walks a %s column (which Prisma cannot compare with gt/lt) the same way", async (_name, kind, value) => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .boolean()
          .chain((nullable) =>
            fc.tuple(fc.constant(nullable), fc.array(nullable ? fc.option(value, { nil: null }) : value, { maxLength: 40 })),
          ),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async ([nullable, values], dir, limit, repeats) => {
          const rows = values.map((v, i) => ({ id: i + 1, v }));
          const sort: KeysetSort = { field: "v", dir, nullable, repeats, ...kind };
          expect(await walk(rows, sort, limit)).toEqual(sorted(rows, sort));
        },
      ),
    );
  });

  it("orders by the column with the nulls where a plain index puts them, then by id", () => {
    expect(keysetOrderBy({ field: "lastLoginAt", dir: "desc", type: "date", nullable: true })).toEqual([
      { lastLoginAt: { sort: "desc", nulls: "first" } },
      { id: "desc" },
    ]);
    expect(keysetOrderBy({ field: "lastName", dir: "asc", type: "string" })).toEqual([{ lastName: "asc" }, { id: "asc" }]);
    expect(keysetOrderBy({ field: "id", dir: "asc", type: "number" })).toEqual([{ id: "asc" }]);
  });

  it("bounds the column from the cursor so the index scan starts there", () => {
    const sort: KeysetSort = { field: "lastName", dir: "asc", type: "string" };
    expect(keysetWhere(sort, encodeCursor("Meyer", 42))).toEqual({
      lastName: { gte: "Meyer" },
      OR: [{ lastName: { gt: "Meyer" } }, { id: { gt: 42 } }],
    });
  });

  it("compares a boolean or enum cursor through value sets, which Prisma can filter on", () => {
    expect(keysetWhere({ field: "enabled", dir: "asc", type: "boolean" }, encodeCursor(false, 9))).toEqual({
      OR: [{ enabled: false, id: { gt: 9 } }, { enabled: { in: [true] } }],
    });
    expect(
      keysetWhere({ field: "authStatus", dir: "desc", type: "string", values: ["ACTIVE", "RESET"] }, encodeCursor("ACTIVE", 9)),
    ).toEqual({
      authStatus: "ACTIVE",
      id: { lt: 9 },
    });
    expect(() =>
      keysetWhere({ field: "authStatus", dir: "asc", type: "string", values: ["ACTIVE", "RESET"] }, encodeCursor("GONE", 9)),
    ).toThrow(AppError);
  });

  it("reads a run of equal values as exact ranges: the rest of the run, then what comes after it", () => {
    const sort: KeysetSort = { field: "lastName", dir: "asc", type: "string", nullable: true, repeats: true };
    expect(keysetRanges(sort, encodeCursor("Meyer", 42))).toEqual([
      { lastName: "Meyer", id: { gt: 42 } },
      { lastName: { gt: "Meyer" } },
      { lastName: null },
    ]);
    expect(keysetRanges({ ...sort, dir: "desc" }, encodeCursor(null, 42))).toEqual([
      { lastName: null, id: { lt: 42 } },
      { lastName: { not: null } },
    ]);
    expect(keysetRanges({ field: "enabled", dir: "desc", type: "boolean", repeats: true }, encodeCursor(true, 7))).toEqual([
      { enabled: true, id: { lt: 7 } },
      { enabled: false },
    ]);
    expect(keysetRanges(sort, undefined)).toEqual([{}]);
  });

  it("reads dates back as dates and refuses a tampered or mismatched cursor as bad input", () => {
    const sort: KeysetSort = { field: "createdAt", dir: "desc", type: "date" };
    const at = new Date("2026-11-30T10:00:00.000Z");
    expect(decodeCursor(encodeCursor(at, 7), sort)).toEqual({ value: at, id: 7 });
    for (const bad of ["not-base64-json", encodeCursor("yesterday", 7), encodeCursor(null, 7), Buffer.from("[1]").toString("base64url")]) {
      expect(() => decodeCursor(bad, sort)).toThrow(AppError);
    }
  });

  it("pages the lists paged by id newest first, with the id as decimal text for a cursor, and refuses any other", async () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: i + 1, v: null }));
    const first = keysetPage([...rows].reverse().slice(0, 4), 3, newestFirst);
    expect(first).toEqual({ items: [rows[10], rows[9], rows[8]], nextCursor: "9", count: null });
    expect(keysetWhere(newestFirst, "9")).toEqual({ id: { lt: 9 } });
    expect((await walk(rows, newestFirst, 4)).map((r) => r.id)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    for (const bad of ["x9", "09", "0", "-3", "9.5", " 9", "2147483648", encodeCursor(9, 9), "99999999999"]) {
      expect(() => keysetWhere(newestFirst, bad)).toThrow(invalidCursorMessage);
    }
  });
});

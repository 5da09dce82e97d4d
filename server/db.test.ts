import { describe, expect, it } from "vitest";
import { statementNames } from "./db";

describe("statementNames", () => {
  it("gives each distinct statement one name, the same every time", () => {
    const name = statementNames(10);
    const first = name({ sql: "SELECT 1" });
    expect(first).toMatch(/^prisma_\d+$/);
    expect(name({ sql: "SELECT 2" })).not.toBe(first);
    expect(name({ sql: "SELECT 1" })).toBe(first);
  });

  it("sends statements past the limit unnamed, so a connection keeps a bounded set", () => {
    const name = statementNames(2);
    const kept = [name({ sql: "SELECT 1" }), name({ sql: "SELECT 2" })];
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect([name({ sql: "SELECT 1" }), name({ sql: "SELECT 2" })]).toEqual(kept);
  });
});

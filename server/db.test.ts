import { describe, expect, it, vi } from "vitest";
import { driverOf, statementNames } from "./db";
import { createTestDb } from "./test/db";

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

describe("driverOf", () => {
  it("finds a client's driver from another copy of the module, as a production build's chunks each have one", async () => {
    const first = await import("./dbDriver");
    const driver = async <T>() => [] as T[];
    const client = first.attachDriver({ $connect: () => {} }, driver);
    vi.resetModules();
    const copy = await import("./dbDriver");
    expect(copy).not.toBe(first);
    expect(copy.driverOf(client)).toBe(driver);
    expect(() => copy.driverOf({ $connect: () => {} })).toThrow("make clients with postgresClient or pgliteClient");
  });

  it("is the client's own driver, and none inside a transaction (whose queries must run in it)", async () => {
    const db = await createTestDb();
    const driver = driverOf(db);
    expect(await driver!<{ one: number }>("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    expect(await db.$transaction(async (tx) => driverOf(tx))).toBeNull();
  });
});

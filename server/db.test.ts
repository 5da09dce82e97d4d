import { describe, expect, it, vi } from "vitest";
import { driverOf, statementNames } from "./db";

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
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = new PGlite();
    const { pgliteClient } = await import("./db");
    const client = pgliteClient(pglite);
    vi.resetModules();
    const copy = await import("./db");
    expect(copy.driverOf).not.toBe(driverOf);
    const driver = copy.driverOf(client);
    expect(driver).toBeTypeOf("function");
    expect(await driver!<{ one: number }>("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    // A transaction runs its queries in itself, through Prisma; a client made without a driver is refused.
    expect(await client.$transaction(async (tx) => copy.driverOf(tx))).toBeNull();
    const { PrismaClient } = await import("./generated/prisma/client");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    expect(() => copy.driverOf(new PrismaClient({ adapter: new PrismaPGlite(pglite) }))).toThrow("make clients with postgresClient or pgliteClient");
    await client.$disconnect();
    await pglite.close();
  });
});

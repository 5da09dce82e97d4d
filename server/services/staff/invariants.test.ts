import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { keepingStaffAdministrator, staffAdministrators } from "./invariants";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

describe("staff administrators", () => {
  it("are the enabled staff holding every staff permission for all customers", async () => {
    expect((await staffAdministrators(db)).map((s) => s.firstName)).toEqual(["Ada"]);
  });

  it("survive two changes at once that would each leave the other as the last one", async () => {
    const adminRole = await db.staffRole.findUniqueOrThrow({ where: { code: "ADMINISTRATOR" } });
    const zed = await db.staffUser.create({
      data: { email: "zed.race@roster.test", firstName: "Zed", lastName: "Race", roles: { create: { roleId: adminRole.id } } },
    });
    const ada = await db.staffUser.findUniqueOrThrow({ where: { email: "admin@roster.test" } });
    // Both changes reach the write before either commits, unless the first holds the other off (then it gives up waiting).
    let arrived = 0;
    let release = () => {};
    const bothThere = new Promise<void>((resolve) => (release = resolve));
    const disable = (id: number) =>
      db.$transaction((tx) =>
        keepingStaffAdministrator(
          tx,
          async () => {
            if (++arrived === 2) release();
            await Promise.race([bothThere, new Promise((resolve) => setTimeout(resolve, 1_000))]);
            await tx.staffUser.update({ where: { id }, data: { enabled: false } });
          },
          (last) => `${last} is the last one.`,
        ),
      );
    const outcomes = await Promise.allSettled([disable(zed.id), disable(ada.id)]);
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(1);
    expect(await staffAdministrators(db)).toHaveLength(1);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { staffCaller } from "../test/principals";
import { raceCompany } from "../test/companies";

/**
 * Writes sent many at once, as a double click, a retrying client or a script would: what each call reports and
 * audits is what it did, and an optimistic save has exactly one winner. On PostgreSQL the calls share a pool of
 * four connections (createTestDb), fewer than the calls; PGlite runs them one after the other, so there a couple
 * of rounds only check the counting.
 */
const onPostgres = !!process.env.DATABASE_URL;
const rounds = onPostgres ? 10 : 2;

let db: PrismaClient;
let staff: Awaited<ReturnType<typeof staffCaller>>;
beforeAll(async () => {
  db = await createTestDb();
  staff = await staffCaller(db, "admin@roster.test");
});

/** Ten more users of a fresh company, enabled Buyers. */
async function tenUsers() {
  const co = await raceCompany(db);
  const ids: number[] = [];
  for (let i = 0; i < 10; i++) {
    const user = await db.customerUser.create({
      data: {
        email: `u${i}.${co.customer.id}@race.test`,
        firstName: `U${i}`,
        lastName: "Parallel",
        customerId: co.customer.id,
        customerPath: co.customer.path,
        roles: { create: { roleId: co.roles.buyer } },
      },
      select: { id: true },
    });
    ids.push(user.id);
  }
  return { role: co.roles.clerk.id, ids };
}

const sum = (results: PromiseSettledResult<Record<string, number>>[], key: string) =>
  results.reduce((total, result) => total + (result.status === "fulfilled" ? result.value[key]! : 0), 0);

const auditCount = (action: string, ids: number[]) => db.auditEvent.count({ where: { action, entityId: { in: ids.map(String) } } });

describe("parallel role assignments", () => {
  it("report and audit each user given or taken the role once, however many calls ask at the same time", async () => {
    const seen: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const { role, ids } = await tenUsers();
      const added = await Promise.allSettled(
        Array.from({ length: 10 }, () => staff.admin.customerUserRoles.addUsers({ roleId: role, userIds: ids })),
      );
      const holders = await db.customerUserRoleAssignment.count({ where: { roleId: role, customerUserId: { in: ids } } });
      const removed = await Promise.allSettled(
        Array.from({ length: 10 }, () => staff.admin.customerUserRoles.removeUsers({ roleId: role, userIds: ids })),
      );
      const failed = [...added, ...removed].filter(
        (r) => r.status === "rejected" && !(r.reason instanceof TRPCError && r.reason.code === "NOT_FOUND"),
      );
      seen.push(
        [
          `added ${sum(added, "added")}, held ${holders}, assign audits ${await auditCount("customerUserRole.assign", ids)}`,
          `removed ${sum(removed, "removed")}, left ${await db.customerUserRoleAssignment.count({ where: { roleId: role, customerUserId: { in: ids } } })}, unassign audits ${await auditCount("customerUserRole.unassign", ids)}`,
          `failed ${failed.length}`,
        ].join("; "),
      );
    }
    expect(seen).toEqual(Array(rounds).fill("added 10, held 10, assign audits 10; removed 10, left 0, unassign audits 10; failed 0"));
  }, 120_000);
});

describe("parallel saves of one user against the same version", () => {
  it("let exactly one win; the others are CONFLICT, never an error", async () => {
    const seen: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const { c } = await raceCompany(db);
      const user = await db.customerUser.findUniqueOrThrow({
        where: { id: c.id },
        select: {
          id: true,
          version: true,
          firstName: true,
          lastName: true,
          email: true,
          customerId: true,
          roles: { select: { roleId: true } },
        },
      });
      const saves = Array.from({ length: 20 }, (_, i) =>
        staff.admin.customerUsers.update({
          id: user.id,
          version: user.version,
          enabled: true,
          firstName: `Save ${i}`,
          lastName: user.lastName,
          email: user.email,
          customerId: user.customerId,
          websiteId: null,
          birthday: "",
          phone: "",
          roleIds: user.roles.map((r) => r.roleId),
        }),
      );
      const outcomes = (await Promise.allSettled(saves)).map((r) =>
        r.status === "fulfilled"
          ? "OK"
          : r.reason instanceof TRPCError && r.reason.code === "CONFLICT"
            ? "CONFLICT"
            : `${String(r.reason)} (${String((r.reason as Error).cause)})`,
      );
      const counts = [...new Set(outcomes)].map((o) => `${o} ${outcomes.filter((x) => x === o).length}`).sort();
      const after = await db.customerUser.findUniqueOrThrow({ where: { id: user.id }, select: { version: true } });
      seen.push(`${counts.join(", ")}; version +${after.version - user.version}`);
    }
    expect(seen).toEqual(Array(rounds).fill("CONFLICT 19, OK 1; version +1"));
  }, 120_000);
});

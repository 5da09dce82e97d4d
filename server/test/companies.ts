import type { PrismaClient } from "../generated/prisma/client";
import { createCustomerNode } from "../services/customers/paths";

/**
 * Small companies made straight in the database, for tests that need many fresh ones (the race rounds): a root
 * customer with two administrators `a` and `b` (both Buyers too), a user `c` holding Buyer and the company's Clerk role, a disabled
 * user `d` holding only Clerk, and the company's Manager role (user management at Department level), unheld.
 */
export type RaceCompany = Awaited<ReturnType<typeof raceCompany>>;

let made = 0;

export async function raceCompany(db: PrismaClient, options: { aRole?: "administrator" | "manager"; parentId?: number } = {}) {
  const tag = `${process.pid}-${++made}`;
  const roleId = async (code: string) => (await db.customerUserRole.findUniqueOrThrow({ where: { code } })).id;
  const administrator = await roleId("ROLE_FRONTEND_ADMINISTRATOR");
  const buyer = await roleId("ROLE_FRONTEND_BUYER");
  const customer = await createCustomerNode(db, { name: `Race Co ${tag}`, parentId: options.parentId ?? null });
  const companyRole = (label: string, permissions: { permission: string; level: "CUSTOMER" }[]) =>
    db.customerUserRole.create({
      data: {
        code: `ROLE_RACE_${label.toUpperCase()}_${tag}`,
        label,
        customerId: customer.id,
        selfManaged: true,
        permissions: { create: permissions },
      },
      select: { id: true, version: true },
    });
  const clerk = await companyRole("Clerk", [{ permission: "customerUser.view", level: "CUSTOMER" }]);
  const manager = await companyRole("Manager", [
    { permission: "customerUser.view", level: "CUSTOMER" },
    { permission: "customerUser.edit", level: "CUSTOMER" },
  ]);
  const user = (name: string, roleIds: number[], enabled = true) =>
    db.customerUser.create({
      data: {
        email: `${name}.${tag}@race.test`,
        firstName: name.toUpperCase(),
        lastName: `Race ${tag}`,
        customerId: customer.id,
        customerPath: customer.path,
        enabled,
        confirmedAt: new Date(),
        roles: { create: roleIds.map((roleId) => ({ roleId })) },
      },
      select: { id: true, email: true },
    });
  const a = await user("a", [options.aRole === "manager" ? manager.id : administrator, buyer]);
  const b = await user("b", [administrator, buyer]);
  const c = await user("c", [buyer, clerk.id]);
  const d = await user("d", [clerk.id], false);
  return { customer, roles: { administrator, buyer, clerk, manager }, a, b, c, d };
}

/**
 * Where the company rules do not hold among these customers and users: customers without an enabled user who may
 * manage their users (their own at Department or Corporate level, or one above them at Corporate level), and
 * enabled users without a role. Written in SQL of its own, apart from the code it checks.
 */
export async function companyRuleViolations(db: PrismaClient, customerIds: number[], userIds: number[]) {
  const unmanaged = await db.$queryRaw<{ name: string }[]>`
    SELECT c."name" FROM "Customer" c
    WHERE c."id" = ANY(${customerIds}::int[]) AND NOT EXISTS (
      SELECT 1 FROM "CustomerUser" u
      JOIN "CustomerUserRoleAssignment" a ON a."customerUserId" = u."id"
      JOIN "RolePermission" p ON p."roleId" = a."roleId" AND p."permission" = 'customerUser.edit'
      WHERE u."enabled" AND (
        (u."customerId" = c."id" AND p."level" IN ('CUSTOMER', 'SUBTREE'))
        OR (p."level" = 'SUBTREE' AND u."customerId" <> c."id" AND c."path" LIKE u."customerPath" || '%')))`;
  const roleless = await db.$queryRaw<{ email: string }[]>`
    SELECT u."email" FROM "CustomerUser" u
    WHERE u."id" = ANY(${userIds}::int[]) AND u."enabled"
      AND NOT EXISTS (SELECT 1 FROM "CustomerUserRoleAssignment" a WHERE a."customerUserId" = u."id")`;
  return [...unmanaged.map((row) => `${row.name} has no user manager`), ...roleless.map((row) => `${row.email} is enabled without a role`)];
}

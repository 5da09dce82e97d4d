import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import type { CustomerPrincipal } from "../../authz/access";
import { appRouter } from "../../api/root";
import { createTestDb } from "../../test/db";
import { callerFor, customerPrincipal } from "../../test/principals";
import { editInputOf } from "../../test/attack";
import { defOf } from "../../test/zodShape";

/**
 * Every path that hands roles to a customer's user runs the one check of roles/choices.ts (assertMayHandOut): the
 * role-assignment permission reaching the customer, roles the customer may use, and (for a customer user) no more
 * than the actor holds. The table names each path; a procedure that takes `roleIds`, or resends what an invitation
 * hands out, and is not in it fails the last test until it is added here (and so checked).
 */
let db: PrismaClient;
let amanda: CustomerPrincipal;
const roles = {} as { buyer: number; admin: number; globex: number };
let serial = 0;

beforeAll(async () => {
  db = await createTestDb();
  amanda = await customerPrincipal(db, "amanda.admin@acme.test");
  const role = async (code: string) => (await db.customerUserRole.findUniqueOrThrow({ where: { code } })).id;
  const globex = await db.customer.findFirstOrThrow({ where: { name: "Globex Industries" } });
  Object.assign(roles, {
    buyer: await role("ROLE_FRONTEND_BUYER"),
    admin: await role("ROLE_FRONTEND_ADMINISTRATOR"),
    globex: (
      await db.customerUserRole.create({
        data: {
          code: "CHOICES_GLOBEX_ONLY",
          label: "Globex only",
          customerId: globex.id,
          permissions: { create: { permission: "order.view", level: "OWN" } },
        },
      })
    ).id,
  });
});

/** Amanda without the role-assignment permission, and Amanda at Department level (she no longer holds the Administrator role's levels). */
const withoutAssign = () => ({ ...amanda, grants: new Map([...amanda.grants].filter(([key]) => key !== "customerUserRole.assign")) });
const department = () => ({
  ...amanda,
  grants: new Map([...amanda.grants].map(([key, level]) => [key, level === "SUBTREE" ? ("CUSTOMER" as const) : level])),
});

type Hand = (actor: CustomerPrincipal, roleIds: number[]) => Promise<unknown>;
/** Each path, handing `roleIds` to a user of Amanda's company as `actor`; `what` is its word in the grants refusal. */
const paths: { path: string; what: string; hand: Hand; chosen: boolean }[] = [
  {
    path: "account.users.create",
    what: "assign roles",
    chosen: true,
    hand: (actor, roleIds) =>
      callerFor(db, actor).account.users.create({
        enabled: true,
        firstName: "Rita",
        lastName: "Roles",
        email: `rita.${++serial}@choices.test`,
        customerId: amanda.customerId,
        websiteId: null,
        roleIds,
        generatePassword: true,
        sendWelcomeEmail: false,
      }),
  },
  {
    path: "account.users.update",
    what: "assign roles",
    chosen: true,
    hand: async (actor, roleIds) => callerFor(db, actor).account.users.update(await editInputOf(db, "bob.buyer@acme.test", { roleIds })),
  },
  {
    path: "account.invitations.create",
    what: "invite a user",
    chosen: true,
    hand: (actor, roleIds) =>
      callerFor(db, actor).account.invitations.create({ email: `ivan.${++serial}@choices.test`, customerId: amanda.customerId, roleIds }),
  },
  {
    path: "account.invitations.resend",
    what: "send an invitation",
    // The roles were chosen when it was sent; it hands out those again.
    chosen: false,
    hand: async (actor, roleIds) => {
      const sent = await callerFor(db, amanda).account.invitations.create({
        email: `rena.${++serial}@choices.test`,
        customerId: amanda.customerId,
        roleIds,
      });
      return callerFor(db, actor).account.invitations.resend({ id: sent.id });
    },
  },
];

describe("handing out roles", () => {
  it.each(paths)("$path needs the role-assignment permission for the customer's users", async ({ hand }) => {
    await expect(hand(withoutAssign(), [roles.buyer, roles.admin])).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Your roles do not let you assign roles to this customer's users.",
    });
  });

  it.each(paths)("$path hands out no more than a customer user holds", async ({ hand, what }) => {
    const error = (await hand(department(), [roles.admin]).catch((e: unknown) => e)) as { code: string; message: string };
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect(error.message).toMatch(new RegExp(`^You cannot ${what} with more than you hold yourself: `));
  });

  it.each(paths.filter((p) => p.chosen))("$path refuses a role the customer may not use", async ({ hand }) => {
    await expect(hand(amanda, [roles.buyer, roles.globex])).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Some chosen roles are not available to this customer.",
      cause: expect.objectContaining({ fieldErrors: { roleIds: ["Some chosen roles are not available to this customer."] } }),
    });
  });

  it("covers every procedure that hands roles to a customer user", () => {
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>,
    );
    const handing = procedures
      .filter(([path, p]) => p._def.type === "mutation" && (path.endsWith("invitations.resend") || p._def.inputs.some(takesRoleIds)))
      .map(([path]) => path);
    expect(handing.length).toBeGreaterThan(3);
    // The back office's create and update run the same functions as the storefront's (customerUsers/create.ts, update.ts).
    const sameService: Record<string, string> = {
      "admin.customerUsers.create": "account.users.create",
      "admin.customerUsers.update": "account.users.update",
    };
    // Staff roles are another realm's, bounded by the staff services (staffUsers.ts).
    const customerRoles = handing.filter((path) => !path.startsWith("admin.staffUsers."));
    expect(customerRoles.filter((path) => !paths.some((p) => p.path === (sameService[path] ?? path)))).toEqual([]);
  });
});

function takesRoleIds(schema: unknown): boolean {
  const def = defOf(schema as Parameters<typeof defOf>[0]);
  if (def.shape) return "roleIds" in def.shape;
  const inner = def.innerType ?? def.in;
  return inner ? takesRoleIds(inner) : false;
}

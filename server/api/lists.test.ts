import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "./root";
import { createTestDb } from "../test/db";
import { customerCaller, staffCaller } from "../test/principals";
import { invalidCursorMessage } from "../schemas/grid";
import { encodeCursor } from "../services/kit/keyset";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Every list, whichever way it pages (a sort column or the id), answers a cursor that is not one of its own the
 * same way: BAD_REQUEST with the kit's one message, never a 500 and never a silent first page. The pages rely on
 * that answer to start again from the first page and say why. The lists are found by walking appRouter (every
 * procedure whose input takes `cursor`), so a new list fails here until it has its row.
 */

type Node = { _def: { inputs: unknown[] } };
type Schema = { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown } } };

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as Schema | undefined;
  while (current && ["pipe", "optional", "default"].includes(current._zod.def.type))
    current = (current._zod.def.in ?? current._zod.def.innerType) as Schema;
  return current?._zod.def.shape;
}

const withCursor = Object.entries(appRouter._def.procedures as unknown as Record<string, Node>)
  .filter(([, procedure]) => "cursor" in (shapeOf(procedure._def.inputs[0]) ?? {}))
  .map(([path]) => path)
  .sort();

/** Ids the lists need to be reached at all (a user, a customer, a role), read once from the seed. */
type Fixtures = { bob: number; acme: number; role: number };
type Row = { as: string; input: (f: Fixtures) => Record<string, unknown> };

const staff = (input: Row["input"] = () => ({})): Row => ({ as: "admin@roster.test", input });
const company = (input: Row["input"] = () => ({})): Row => ({ as: "amanda.admin@acme.test", input });

const lists: Record<string, Row> = {
  "admin.customerUsers.list": staff(),
  "admin.customerUsers.emails": staff((f) => ({ id: f.bob })),
  "admin.mailbox.list": staff(),
  "admin.audit.list": staff(),
  "admin.loginAttempts.list": staff(),
  "admin.customerUserRoles.list": staff(),
  "admin.customerUserRoles.users": staff((f) => ({ roleId: f.role })),
  "admin.customers.list": staff(),
  "admin.customers.children": staff(() => ({ parentId: null })),
  "admin.customers.roles": staff((f) => ({ customerId: f.acme })),
  "admin.customers.notes.list": staff((f) => ({ id: f.acme })),
  "admin.customerGroups.list": staff(),
  "admin.notes.list": staff((f) => ({ customerUserId: f.bob })),
  "admin.calendarEvents.list": staff((f) => ({ customerUserId: f.bob })),
  "admin.records.orders": staff(),
  "admin.records.quotes": staff(),
  "admin.records.rfqs": staff(),
  "admin.records.shoppingLists": staff(),
  "admin.staffUsers.list": staff(),
  "admin.staffRoles.list": staff(),
  "account.orders.list": company(),
  "account.quotes.list": company(),
  "account.rfqs.list": company(),
  "account.shoppingLists.list": company(),
  "account.audit.list": company(),
  "account.invitations.list": company(),
  "account.users.list": company(),
  "account.roles.list": company(),
  "account.roles.users": company((f) => ({ roleId: f.role })),
};

/** Procedures that take a list's input, cursor included, but are not a page of it; each with the reason. */
const notLists: Record<string, string> = {
  "admin.loginAttempts.count": "the count of the sign-in attempts list's filters, asked once per page: the cursor is not read",
};

/** Not a cursor of any list: junk, a well-formed cursor from no list, a sort cursor where an id is wanted and back. */
const tampered = ["not-a-cursor", Buffer.from("[1]").toString("base64url"), encodeCursor(true, 0), "0042", "2147483648"];

let db: PrismaClient;
let fixtures: Fixtures;
beforeAll(async () => {
  db = await createTestDb();
  const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" }, select: { id: true, customerId: true } });
  const role = await db.customerUserRoleAssignment.findFirstOrThrow({ where: { customerUserId: bob.id }, select: { roleId: true } });
  fixtures = { bob: bob.id, acme: bob.customerId, role: role.roleId };
});

async function call(email: string, path: string, input: Record<string, unknown>) {
  const caller = (email.endsWith("@roster.test") ? await staffCaller(db, email) : await customerCaller(db, email)) as unknown;
  const fn = path.split(".").reduce((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

describe("every list", () => {
  it("has a row here, or is named as taking a cursor without being a list", () => {
    expect(withCursor.length).toBeGreaterThan(20);
    expect(withCursor.filter((path) => !(path in notLists))).toEqual(Object.keys(lists).sort());
    for (const path of Object.keys(notLists)) expect(withCursor).toContain(path);
  });

  it.each(Object.entries(lists))("%s answers a tampered cursor with BAD_REQUEST and the kit's message", async (path, row) => {
    // The row is right: without a cursor, it is a page.
    const first = (await call(row.as, path, row.input(fixtures))) as { items: unknown[]; nextCursor: string | null };
    expect(Array.isArray(first.items)).toBe(true);
    for (const cursor of tampered) {
      const error = await call(row.as, path, { ...row.input(fixtures), cursor }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `cursor ${cursor}`).toBeInstanceOf(TRPCError);
      expect({ cursor, code: (error as TRPCError).code, message: (error as TRPCError).message }).toEqual({
        cursor,
        code: "BAD_REQUEST",
        message: invalidCursorMessage,
      });
    }
  });
});

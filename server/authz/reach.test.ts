import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createCustomerNode } from "../services/customers/paths";
import { createTestDb } from "../test/db";
import type { CustomerPrincipal, Principal, StaffPrincipal } from "./access";
import {
  customerCatalogue,
  entityActions,
  staffCatalogue,
  staffScopes,
  type CustomerPermission,
  type StaffPermission,
} from "./permissions";
import { reaches, reachesRole, reachesThrough, type ReachTarget, type RoleAction, type ScopedEntity } from "./reach";
import { customersReachedBy, customerUsersReachedBy, roleScopeWhere, scopeWhere, staffScopeWhere } from "./scope";

/**
 * The two readings of one reach rule agree: for random principals of both realms and a random entity and action, the
 * rows `findMany({ where: scopeWhere(...) })` returns are exactly the rows `reaches(...)` accepts, on the seeded demo
 * tree plus three more levels below it with sales representatives of their own.
 */
let db: PrismaClient;
type Row = { id: number; target: ReachTarget };
const rows = {} as Record<ScopedEntity | "customerUserRole", Row[]>;
let users: { id: number; customerId: number; customerPath: string }[];
let staffIds: number[];

const reps = (c: { salesRepresentatives: { staffUserId: number }[] } | null) => c?.salesRepresentatives.map((s) => s.staffUserId) ?? [];
const repsSelect = { salesRepresentatives: { select: { staffUserId: true } } } as const;
const recordSelect = { id: true, customerUserId: true, customerId: true, customerPath: true, customer: { select: repsSelect } } as const;
type RecordRow = {
  id: number;
  customerUserId: number | null;
  customerId: number;
  customerPath: string;
  customer: { salesRepresentatives: { staffUserId: number }[] };
};
const recordTarget = (r: RecordRow): Row => ({
  id: r.id,
  target: { customerId: r.customerId, customerPath: r.customerPath, ownerUserId: r.customerUserId, salesRepIds: reps(r.customer) },
});

/** Every scoped row with what its reach depends on, read once. */
async function readRows() {
  rows.customer = (await db.customer.findMany({ select: { id: true, path: true, ...repsSelect } })).map((c) => ({
    id: c.id,
    target: { customerId: c.id, customerPath: c.path, ownerUserId: null, salesRepIds: reps(c) },
  }));
  rows.customerAddress = (
    await db.customerAddress.findMany({ select: { id: true, customerId: true, customer: { select: { path: true, ...repsSelect } } } })
  ).map((a) => ({
    id: a.id,
    target: { customerId: a.customerId, customerPath: a.customer.path, ownerUserId: null, salesRepIds: reps(a.customer) },
  }));
  rows.customerUser = (
    await db.customerUser.findMany({ select: { id: true, customerId: true, customerPath: true, customerSalesRepIds: true } })
  ).map((u) => ({
    id: u.id,
    target: { customerId: u.customerId, customerPath: u.customerPath, ownerUserId: null, salesRepIds: u.customerSalesRepIds },
  }));
  rows.customerUserAddress = (
    await db.customerUserAddress.findMany({
      select: {
        id: true,
        customerUserId: true,
        customerUser: { select: { customerId: true, customerPath: true, customer: { select: repsSelect } } },
      },
    })
  ).map((a) => ({
    id: a.id,
    target: {
      customerId: a.customerUser.customerId,
      customerPath: a.customerUser.customerPath,
      ownerUserId: a.customerUserId,
      salesRepIds: reps(a.customerUser.customer),
    },
  }));
  rows.shoppingList = (await db.shoppingList.findMany({ select: recordSelect })).map(recordTarget);
  rows.rfq = (await db.rfq.findMany({ select: recordSelect })).map(recordTarget);
  rows.quote = (await db.quote.findMany({ select: recordSelect })).map(recordTarget);
  rows.order = (await db.order.findMany({ select: recordSelect })).map(recordTarget);
  rows.loginAttempt = (
    await db.loginAttempt.findMany({ select: { id: true, customerUser: { select: { customer: { select: repsSelect } } } } })
  ).map((a) => ({
    id: a.id,
    target: { customerId: null, customerPath: null, ownerUserId: null, salesRepIds: reps(a.customerUser?.customer ?? null) },
  }));
  rows.customerUserRole = (
    await db.customerUserRole.findMany({
      select: { id: true, customerId: true, selfManaged: true, public: true, customer: { select: { path: true, ...repsSelect } } },
    })
  ).map((r) => ({
    id: r.id,
    target: {
      customerId: r.customerId,
      customerPath: r.customer?.path ?? null,
      ownerUserId: null,
      salesRepIds: reps(r.customer),
      offered: r.customerId === null && r.selfManaged && r.public,
    },
  }));
}

/** Three more levels below a leaf of the demo tree, two nodes each, each with a representative (two in three), a user with
 * an order, an address and a sign-in attempt. */
async function deepenTree() {
  const leaf = await db.customer.findFirstOrThrow({ where: { name: "Acme West Logistics" }, select: { id: true } });
  let parents = [leaf.id];
  let n = 0;
  for (let depth = 0; depth < 3; depth++) {
    const next: number[] = [];
    for (const parentId of parents) {
      for (let i = 0; i < 2; i++) {
        const node = await createCustomerNode(db, { name: `Reach node ${depth}.${n++}`, parentId });
        const rep = staffIds[n % staffIds.length]!;
        if (n % 3) await db.customerSalesRep.create({ data: { customerId: node.id, staffUserId: rep } });
        const user = await db.customerUser.create({
          data: { email: `reach.${n}@reach.test`, firstName: "Reach", lastName: `${n}`, customerId: node.id, customerPath: node.path },
          select: { id: true },
        });
        await db.order.create({
          data: {
            number: `REACH-${n}`,
            currency: "EUR",
            subtotal: 1,
            total: 1,
            customerId: node.id,
            customerPath: node.path,
            customerUserId: user.id,
          },
        });
        await db.loginAttempt.create({
          data: { realm: "CUSTOMER", result: "SUCCESS", email: `reach.${n}@reach.test`, customerUserId: user.id },
        });
        await db.customerUserAddress.create({
          data: { customerUserId: user.id, street: "1 Deep St", city: "Below", postalCode: "1", countryCode: "DE" },
        });
        next.push(node.id);
      }
    }
    parents = next;
  }
}

beforeAll(async () => {
  db = await createTestDb();
  staffIds = (await db.staffUser.findMany({ select: { id: true } })).map((s) => s.id);
  await deepenTree();
  // An attempt that matched no user: no representative reaches it.
  await db.loginAttempt.create({ data: { realm: "CUSTOMER", result: "BAD_CREDENTIALS", email: "nobody@reach.test" } });
  users = await db.customerUser.findMany({ select: { id: true, customerId: true, customerPath: true } });
  await readRows();
});

// ----------------------------------------------------------------------------------------- principals

const customerPrincipal = () =>
  fc
    .record({
      user: fc.constantFrom(...users),
      levels: fc.tuple(...customerCatalogue.map((info) => fc.constantFrom(...info.levels))),
      impersonator: fc.option(fc.record({ staffUserId: fc.constantFrom(...staffIds), reach: fc.constantFrom(...staffScopes) }), {
        nil: undefined,
      }),
    })
    .map(({ user, levels, impersonator }): CustomerPrincipal => ({
      realm: "customer",
      id: user.id,
      email: "",
      firstName: "",
      lastName: "",
      customerId: user.customerId,
      customerPath: user.customerPath,
      websiteId: null,
      grants: new Map(customerCatalogue.flatMap((info, i) => (levels[i] === "NONE" ? [] : [[info.key, levels[i]!] as const]))),
      impersonator: impersonator && {
        ...impersonator,
        impersonationId: 1,
        staffName: "",
        reason: "",
        expiresAt: new Date(0),
      },
    }));

const staffPrincipal = () =>
  fc
    .record({ id: fc.constantFrom(...staffIds), scopes: fc.tuple(...staffCatalogue.map(() => fc.constantFrom(null, ...staffScopes))) })
    .map(({ id, scopes }): StaffPrincipal => ({
      realm: "staff",
      id,
      email: "",
      firstName: "",
      lastName: "",
      grants: new Map(staffCatalogue.flatMap((info, i) => (scopes[i] ? [[info.key, scopes[i]!] as const] : []))),
    }));

const principal = () => fc.oneof(customerPrincipal(), staffPrincipal()) as fc.Arbitrary<Principal>;
const scopedEntities = [
  "customer",
  "customerAddress",
  "customerUser",
  "customerUserAddress",
  "shoppingList",
  "rfq",
  "quote",
  "order",
] as const;
const staffPermission = fc.option(fc.constantFrom(...staffCatalogue.map((info) => info.key)), { nil: undefined });

// ------------------------------------------------------------------------------------------- the property

type Table = { findMany(args: { where: object; select: { id: true } }): Promise<{ id: number }[]> };
const table = (entity: ScopedEntity | "customerUserRole") => db[entity] as unknown as Table;

/** Comparisons where scope reached some rows but not all: the property is not won by "nothing" or "everything". */
let partial = 0;

async function expectAgreement(entity: ScopedEntity | "customerUserRole", where: object, reached: (target: ReachTarget) => boolean) {
  const found = (await table(entity).findMany({ where, select: { id: true } })).map((r) => r.id).sort((a, b) => a - b);
  const accepted = rows[entity]
    .filter((row) => reached(row.target))
    .map((row) => row.id)
    .sort((a, b) => a - b);
  expect(found).toEqual(accepted);
  if (found.length > 0 && found.length < rows[entity].length) partial++;
}

const runs = { numRuns: 300 };

describe("reaches and scopeWhere: one rule, two readings", () => {
  it("the tree has depth and the rows are there", () => {
    expect(Math.max(...rows.customer.map((c) => c.target.customerPath!.split("/").length))).toBeGreaterThanOrEqual(8);
    for (const entity of Object.keys(rows) as (keyof typeof rows)[]) expect(rows[entity].length).toBeGreaterThan(0);
  });

  it("agree for every entity, action and staff permission", async () => {
    await fc.assert(
      fc.asyncProperty(
        principal(),
        fc.constantFrom(...scopedEntities),
        fc.constantFrom(...entityActions),
        staffPermission,
        async (p, entity, action, staff) => {
          await expectAgreement(entity, scopeWhere(p, entity, action, staff), (t) => reaches(p, entity, t, action, staff));
        },
      ),
      runs,
    );
    expect(partial).toBeGreaterThan(runs.numRuns / 10);
  });

  it("agree on sign-in attempts (a back-office record: customer levels never reach them)", async () => {
    await fc.assert(
      fc.asyncProperty(staffPrincipal(), staffPermission, async (p, staff) => {
        await expectAgreement("loginAttempt", staffScopeWhere(p, "loginAttempt", staff), (t) =>
          reaches(p, "loginAttempt", t, "view", staff),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("agree on customers and users reached through another permission", async () => {
    await fc.assert(
      fc.asyncProperty(
        principal(),
        fc.constantFrom(...customerCatalogue.map((info) => info.key)),
        fc.constantFrom(...staffCatalogue.map((info) => info.key)),
        async (p, customer: CustomerPermission, staff: StaffPermission) => {
          await expectAgreement("customer", customersReachedBy(p, customer, staff), (t) =>
            reachesThrough(p, "customer", t, customer, staff),
          );
          await expectAgreement("customerUser", customerUsersReachedBy(p, customer, staff), (t) =>
            reachesThrough(p, "customerUser", t, customer, staff),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("agree on roles", async () => {
    await fc.assert(
      fc.asyncProperty(principal(), fc.constantFrom<RoleAction>("view", "create", "edit", "delete", "assign"), async (p, action) => {
        await expectAgreement("customerUserRole", roleScopeWhere(p, action), (t) => reachesRole(p, action, t));
      }),
      { numRuns: 150 },
    );
  });
});

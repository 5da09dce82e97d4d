import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import type { Principal } from "../authz/access";
import { createTestDb } from "../test/db";
import { callerFor, customerPrincipal, staffPrincipal } from "../test/principals";
import { callPath, outcomeOf, procedureEntries } from "../test/attack";
import { entityOf, type Entity } from "../test/walk";
import { inputVariants } from "../test/walkVariants";

/**
 * Names beyond reach: a customer user learns of other customers only as far as their level reaches (their own
 * customer and, at Corporate level, its subsidiaries), so a subsidiary never sees its parent company; staff limited
 * to the customers they represent never see one they do not represent. Every query of the principal's realm, called
 * with the principal's own records, answers without those names.
 */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
  // Sam represents Acme West Logistics but not its parent, Acme West.
  const logistics = await db.customer.findFirstOrThrow({ where: { name: "Acme West Logistics" } });
  const sam = await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } });
  await db.customerSalesRep.create({ data: { customerId: logistics.id, staffUserId: sam.id } });
  // A staff edit of a subsidiary, so the company audit log has an entry about it.
  const west = await db.customer.findFirstOrThrow({ where: { name: "Acme West" } });
  const admin = await staffPrincipal(db, "admin@roster.test");
  await callerFor(db, admin).admin.customers.setEnabled({ id: west.id, enabled: true });
});

const ownIds = async (email: string, customerName: string): Promise<Partial<Record<Entity, number>>> => {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
  const customer = await db.customer.findFirstOrThrow({ where: { name: customerName } });
  const own = <T extends { id: number } | null>(row: T) => row?.id;
  return {
    customer: customer.id,
    customerUser: user.id,
    customerUserAddress: own(await db.customerUserAddress.findFirst({ where: { customerUserId: user.id } })),
    customerAddress: own(await db.customerAddress.findFirst({ where: { customerId: customer.id } })),
    order: own(await db.order.findFirst({ where: { customerUserId: user.id } })),
    quote: own(await db.quote.findFirst({ where: { customerUserId: user.id } })),
    rfq: own(await db.rfq.findFirst({ where: { customerUserId: user.id } })),
    shoppingList: own(await db.shoppingList.findFirst({ where: { customerUserId: user.id } })),
    customerUserRole: own(await db.customerUserRole.findFirst({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } })),
    website: own(await db.website.findFirst({ where: { code: "default" } })),
    localization: own(await db.localization.findFirst({ where: { code: "en" } })),
  };
};

const cases: { name: string; principal: () => Promise<Principal>; own: [string, string]; hidden: RegExp }[] = [
  {
    name: "walter, administrator of Acme West",
    principal: () => customerPrincipal(db, "walter.west@acme.test"),
    own: ["walter.west@acme.test", "Acme West"],
    hidden: /Acme Holding/,
  },
  {
    name: "dana, Department level at Acme East",
    principal: () => customerPrincipal(db, "dana.department@acme.test"),
    own: ["dana.department@acme.test", "Acme East"],
    hidden: /Acme Holding/,
  },
  {
    name: "erin, Corporate level at Acme East",
    principal: () => customerPrincipal(db, "erin.east@acme.test"),
    own: ["erin.east@acme.test", "Acme East"],
    hidden: /Acme Holding/,
  },
  {
    name: "lara, buyer at Acme West Logistics",
    principal: () => customerPrincipal(db, "lara.logistics@acme.test"),
    own: ["lara.logistics@acme.test", "Acme West Logistics"],
    hidden: /Acme Holding|Acme West(?! Logistics)/,
  },
  {
    name: "sam, representing Acme West Logistics only of its tree's lower half",
    principal: () => staffPrincipal(db, "sales@roster.test"),
    own: ["lara.logistics@acme.test", "Acme West Logistics"],
    hidden: /Acme West(?! Logistics)/,
  },
];

describe("names beyond reach", () => {
  it.each(cases)("never reach $name", async ({ principal: load, own, hidden }) => {
    const principal = await load();
    const ids = await ownIds(...own);
    const caller = callerFor(db, principal);
    const queries = procedureEntries.filter(([, p]) => p._def.type === "query" && p._def.meta?.access?.kind === principal.realm);
    const leaks: string[] = [];
    let answered = 0;
    for (const [path, procedure] of queries) {
      const inputs = procedure._def.inputs.length
        ? inputVariants(path, procedure._def.inputs[0], (field) => ids[entityOf(path, field)!])
        : [undefined];
      for (const input of inputs) {
        const outcome = await outcomeOf(callPath(caller, path, input));
        const text = outcome.ok ? JSON.stringify(outcome.result) : outcome.message;
        if (outcome.ok) answered++;
        if (hidden.test(text)) leaks.push(`${path}: ${text.slice(Math.max(0, text.search(hidden) - 80), text.search(hidden) + 40)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(10);
  });

  it("still shows a parent to whoever reaches it", async () => {
    const amanda = callerFor(db, await customerPrincipal(db, "amanda.admin@acme.test"));
    const walter = await db.customerUser.findUniqueOrThrow({ where: { email: "walter.west@acme.test" } });
    expect((await amanda.account.users.get({ id: walter.id })).customer.parent).toMatchObject({ name: "Acme Holding" });
    expect((await amanda.account.roles.customerOptions({ search: "West" })).map((c) => [c.name, c.parent?.name])).toEqual([
      ["Acme West", "Acme Holding"],
      ["Acme West Logistics", "Acme West"],
    ]);
  });
});

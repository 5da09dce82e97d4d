import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import type { Principal } from "../authz/access";
import { createTestDb } from "../test/db";
import { callerFor, customerPrincipal, impersonate, staffPrincipal } from "../test/principals";
import { callPath, changedTables, databaseDigest, outcomeOf, procedureEntries, stoppedAtGate, type Outcome } from "../test/attack";
import { entityOf, idFields, type Entity } from "../test/walk";
import { inputVariants } from "../test/walkVariants";

/**
 * The authorization walk: every procedure taking an id, called by every demo principal (both realms, a staff member
 * signed in as a customer user, and nobody) with ids of records beyond that principal's reach — another company's,
 * a parent company's, a customer the staff member does not represent, or no record at all. Each call is refused
 * (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, or a domain refusal), or answers without a trace of those records (an empty
 * list, a mass action that did nothing); and the database is as it was.
 *
 * Inputs are built from each procedure's zod schema (test/walk.ts), with the variants in test/walkVariants.ts where
 * a schema's rules need more than sample values. A procedure taking an id nobody classified fails here.
 */
const MISSING = 2_000_000_000;

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const takingIds = procedureEntries.filter(([, p]) => p._def.inputs.length > 0 && idFields(p._def.inputs[0]).length > 0);

describe("the walk covers", () => {
  it("every procedure taking an id, each id classified by the record it names", () => {
    expect(takingIds.length).toBeGreaterThan(100);
    const unclassified = takingIds.flatMap(([path, p]) =>
      idFields(p._def.inputs[0])
        .filter((field) => !entityOf(path, field))
        .map((field) => `${path}: ${field}`),
    );
    expect(unclassified, "add these id fields to entityRules in server/test/walk.ts").toEqual([]);
  });

  it("every id field of every such procedure, with inputs its schema accepts", () => {
    const problems: string[] = [];
    for (const [path, p] of takingIds) {
      const schema = p._def.inputs[0] as { safeParse: (value: unknown) => { success: boolean; error?: { issues: unknown[] } } };
      const variants = inputVariants(path, schema, () => 1);
      for (const variant of variants) {
        const parsed = schema.safeParse(variant);
        if (!parsed.success) problems.push(`${path} ${JSON.stringify(variant)}: ${JSON.stringify(parsed.error!.issues)}`);
      }
      const uncovered = idFields(schema).filter((field) => !variants.some((variant) => hasValueAt(variant, field)));
      for (const field of uncovered) problems.push(`${path}: ${field} is never sent`);
    }
    expect(problems).toEqual([]);
  });
});

/** Whether the dotted path ("roleIds.[]", "addresses.[].id") holds a value in the input. */
function hasValueAt(input: unknown, field: string): boolean {
  const [head, ...rest] = field.split(".");
  if (input === null || input === undefined) return false;
  if (head === "[]")
    return Array.isArray(input) && input.some((item) => (rest.length ? hasValueAt(item, rest.join(".")) : item !== undefined));
  const value = (input as Record<string, unknown>)[head!];
  return rest.length ? hasValueAt(value, rest.join(".")) : value !== undefined && value !== null;
}

// ------------------------------------------------------------------------------------------- the principals

/** Records with an owner: an id of one beyond the principal's reach is what the walk sends. */
const owned: ReadonlySet<Entity> = new Set([
  "customer",
  "customerUser",
  "customerUserAddress",
  "customerAddress",
  "order",
  "quote",
  "rfq",
  "shoppingList",
  "invitation",
  "oauthApp",
  "note",
  "customerNote",
]);

type Walker = {
  name: string;
  principal: () => Promise<Principal | null>;
  /** The company (and one of its users) beyond this principal's reach; none: the principal reaches every record. */
  beyond?: { customer: string; user: string };
  /**
   * A record beyond reach is NOT_FOUND once past the gate, as if it did not exist: no FORBIDDEN or domain refusal
   * that tells it exists (the issue's sales manager and other company's administrator).
   */
  notFound?: true;
};

const walkers: Walker[] = [
  { name: "anonymous", principal: async () => null },
  { name: "admin@roster.test (everything)", principal: () => staffPrincipal(db, "admin@roster.test") },
  {
    name: "sales@roster.test (represented customers)",
    principal: () => staffPrincipal(db, "sales@roster.test"),
    beyond: { customer: "Globex Industries", user: "gina.globex@globex.test" },
    notFound: true,
  },
  { name: "viewer@roster.test (read-only)", principal: () => staffPrincipal(db, "viewer@roster.test") },
  {
    name: "people@roster.test (staff accounts only)",
    principal: () => staffPrincipal(db, "people@roster.test"),
    beyond: { customer: "Globex Industries", user: "gina.globex@globex.test" },
  },
  {
    name: "amanda.admin@acme.test (Corporate)",
    principal: () => customerPrincipal(db, "amanda.admin@acme.test"),
    beyond: { customer: "Globex Industries", user: "gina.globex@globex.test" },
  },
  {
    name: "bob.buyer@acme.test (buyer)",
    principal: () => customerPrincipal(db, "bob.buyer@acme.test"),
    beyond: { customer: "Globex Industries", user: "gina.globex@globex.test" },
  },
  {
    name: "walter.west@acme.test (subsidiary)",
    principal: () => customerPrincipal(db, "walter.west@acme.test"),
    beyond: { customer: "Acme Holding", user: "amanda.admin@acme.test" },
  },
  {
    name: "gina.globex@globex.test (another company)",
    principal: () => customerPrincipal(db, "gina.globex@globex.test"),
    beyond: { customer: "Acme Holding", user: "amanda.admin@acme.test" },
    notFound: true,
  },
  {
    name: "dana.department@acme.test (Department)",
    principal: () => customerPrincipal(db, "dana.department@acme.test"),
    beyond: { customer: "Acme Holding", user: "amanda.admin@acme.test" },
  },
  {
    name: "sales@roster.test signed in as amanda (intersection)",
    principal: async () => {
      const { loaded } = await impersonate(db, "sales@roster.test", "amanda.admin@acme.test");
      if ("ended" in loaded) throw new Error("the impersonation did not start");
      return loaded;
    },
    beyond: { customer: "Acme West", user: "walter.west@acme.test" },
  },
];

/** What only a company and its user own, to be sent as beyond reach: one of each kind, made where the seed has none. */
async function recordsOf(customerName: string, email: string): Promise<Partial<Record<Entity, number>>> {
  const customer = await db.customer.findFirstOrThrow({ where: { name: customerName } });
  const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
  const first = async <T extends { id: number }>(row: Promise<T | null>, make: () => Promise<T>) => ((await row) ?? (await make())).id;
  return {
    customer: customer.id,
    customerUser: user.id,
    customerUserAddress: (await db.customerUserAddress.findFirstOrThrow({ where: { customerUserId: user.id } })).id,
    customerAddress: await first(db.customerAddress.findFirst({ where: { customerId: customer.id } }), () =>
      db.customerAddress.create({
        data: { customerId: customer.id, street: "2 Walk Road", city: "Springfield", postalCode: "12345", countryCode: "US" },
      }),
    ),
    order: (await db.order.findFirstOrThrow({ where: { customerUserId: user.id } })).id,
    quote: (await db.quote.findFirstOrThrow({ where: { customerUserId: user.id } })).id,
    rfq: (await db.rfq.findFirstOrThrow({ where: { customerUserId: user.id } })).id,
    shoppingList: (await db.shoppingList.findFirstOrThrow({ where: { customerUserId: user.id } })).id,
    customerUserRole: await first(db.customerUserRole.findFirst({ where: { customerId: customer.id } }), () =>
      db.customerUserRole.create({
        data: {
          code: `WALK_${customer.id}`,
          label: "Walk role",
          customerId: customer.id,
          selfManaged: true,
          permissions: { create: { permission: "order.view", level: "CUSTOMER" } },
        },
      }),
    ),
    invitation: await first(db.invitation.findFirst({ where: { customerId: customer.id } }), () =>
      db.invitation.create({
        data: {
          email: `walk.${customer.id}@example.test`,
          customerId: customer.id,
          tokenHash: `walk-${customer.id}`,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      }),
    ),
    oauthApp: await first(db.oAuthApplication.findFirst({ where: { customerUserId: user.id } }), () =>
      db.oAuthApplication.create({ data: { name: "Walk app", clientId: `walk_${user.id}`, secretHash: "x", customerUserId: user.id } }),
    ),
    note: await first(db.note.findFirst({ where: { customerUserId: user.id } }), () =>
      db.note.create({ data: { customerUserId: user.id, body: `Walk note about ${user.firstName}` } }),
    ),
    customerNote: await first(db.note.findFirst({ where: { customerId: customer.id } }), () =>
      db.note.create({ data: { customerId: customer.id, body: `Walk note about ${customer.name}` } }),
    ),
  };
}

/** Ids the schema needs that belong to nobody in particular (a website, a language, a consent): real ones. */
async function contextIds(): Promise<Partial<Record<Entity, number>>> {
  return {
    website: (await db.website.findUniqueOrThrow({ where: { code: "default" } })).id,
    localization: (await db.localization.findUniqueOrThrow({ where: { code: "en" } })).id,
    consent: (await db.consent.findFirstOrThrow({ where: { title: "Privacy policy" } })).id,
    customerGroup: (await db.customerGroup.findFirstOrThrow({ where: { name: "Partners" } })).id,
    staffUser: (await db.staffUser.findUniqueOrThrow({ where: { email: "admin@roster.test" } })).id,
    staffRole: (await db.staffRole.findUniqueOrThrow({ where: { code: "READ_ONLY" } })).id,
    customerUserRole: (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id,
  };
}

/** Strings only the records beyond reach carry: none may appear in what a call answers. */
async function tracesOf(customerName: string, email: string) {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
  const notes = await db.note.findMany({
    where: { OR: [{ customerUserId: user.id }, { customer: { name: customerName } }] },
    select: { body: true },
  });
  return [JSON.stringify(customerName), email, JSON.stringify(user.firstName), ...notes.map((note) => note.body)];
}

/** A refusal, or an answer that holds nothing beyond reach and, for a mutation, did nothing. */
function verdict(outcome: Outcome, type: string, traces: string[]): string | null {
  if (outcome.code === "INVALID") return "refused its input: the walk's input is wrong (see test/walkVariants.ts)";
  const text = outcome.ok ? JSON.stringify(outcome.result) : outcome.message;
  if (!outcome.ok && (outcome.code.startsWith("unexpected") || outcome.code === "INTERNAL_SERVER_ERROR")) return `failed: ${text}`;
  const leaked = traces.filter((trace) => text.includes(trace));
  if (leaked.length) return `${outcome.code} with ${leaked.join(", ")} in ${text.slice(0, 300)}`;
  if (!outcome.ok)
    return ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT"].includes(outcome.code) ? null : `answered ${outcome.code}`;
  const done = (outcome.result as { done?: unknown[] } | null)?.done;
  return type === "mutation" && !(Array.isArray(done) && done.length === 0) ? `changed something: ${text.slice(0, 300)}` : null;
}

describe("every procedure taking an id, with ids beyond reach", () => {
  let context: Partial<Record<Entity, number>>;
  beforeAll(async () => {
    context = await contextIds();
  });

  it.each(walkers)("is refused to $name, and the database stays as it was", async (walker) => {
    const beyond = walker.beyond ? await recordsOf(walker.beyond.customer, walker.beyond.user) : {};
    const traces = walker.beyond ? await tracesOf(walker.beyond.customer, walker.beyond.user) : [];
    const principal = await walker.principal();
    // A customer role is beyond a customer user's reach; staff reach every role (who may get one is what is scoped).
    const ownedHere = (entity: Entity) => owned.has(entity) || (entity === "customerUserRole" && principal?.realm === "customer");
    const caller = callerFor(db, principal);
    const before = await databaseDigest(db);
    const problems: string[] = [];
    let calls = 0;
    for (const [path, procedure] of takingIds) {
      const schema = procedure._def.inputs[0];
      const entities = idFields(schema).map((field) => entityOf(path, field)!);
      // With a record beyond reach in the input, the other ids are real ones, so the reach is what refuses it;
      // without one, every id names nothing.
      const anyBeyond = entities.some((entity) => ownedHere(entity) && beyond[entity] !== undefined);
      const idFor = (field: string) => {
        const entity = entityOf(path, field)!;
        if (!anyBeyond) return MISSING;
        return ownedHere(entity) ? (beyond[entity] ?? MISSING) : (context[entity] ?? MISSING);
      };
      // The same inputs with nothing in place of the records beyond reach.
      const missing = inputVariants(path, schema, (field) => (ownedHere(entityOf(path, field)!) ? MISSING : idFor(field)));
      for (const [index, input] of inputVariants(path, schema, idFor).entries()) {
        calls++;
        const outcome = await outcomeOf(callPath(caller, path, input));
        let problem = verdict(outcome, procedure._def.type, traces);
        if (!problem && walker.notFound && anyBeyond && !outcome.ok && !stoppedAtGate(outcome) && outcome.code !== "NOT_FOUND") {
          // Past the gate, a record beyond reach is NOT_FOUND, or refused exactly as a record that does not exist.
          const absent = await outcomeOf(callPath(caller, path, missing[index]));
          if (absent.ok || absent.code !== outcome.code || absent.message !== outcome.message)
            problem = `${outcome.code} (${outcome.message}), but ${absent.code} for a missing record: it tells the record exists`;
        }
        if (problem) problems.push(`${path} ${JSON.stringify(input).slice(0, 200)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(takingIds.length);
    expect(changedTables(before, await databaseDigest(db))).toEqual([]);
  });
});

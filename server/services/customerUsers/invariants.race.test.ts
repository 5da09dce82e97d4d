import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../../generated/prisma/client";
import { appRouter } from "../../api/root";
import { createTestDb } from "../../test/db";
import { customerCaller, staffCaller } from "../../test/principals";
import { companyRuleViolations, raceCompany, type RaceCompany } from "../../test/companies";

/**
 * The company rules under concurrency: every path that can take away a company's last user manager or an enabled
 * user's last role, raced in pairs through the real procedures. Each pair is allowed alone and breaks a rule
 * together, so one of the two must be refused with the rule's message, in every round.
 *
 * On PostgreSQL the two calls run on two connections at once (CI's PostgreSQL pass); PGlite has one session and
 * runs transactions one after the other, so there a few rounds only check the refusals.
 */
const rounds = process.env.DATABASE_URL ? 20 : 2;

const managerRule = /must keep at least one enabled user who can manage its users/;
const roleRule = /would be left without any role|At least one role must be assigned/;

type Callers = { staff: Caller; a: Caller; b: Caller };
type Caller = Awaited<ReturnType<typeof staffCaller>>;
type Company = RaceCompany & { subsidiary?: RaceCompany };
type Scenario = {
  name: string;
  /** The procedures it races: the walk below requires each path that can break a rule to appear here. */
  paths: [string, string];
  rule: RegExp;
  setup?: () => Promise<Company>;
  race: (co: Company, as: Callers, round: number) => [Promise<unknown>, Promise<unknown>];
};

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

/** What the edit form sends for the user as they are, with these roles. */
async function editInput(id: number, roleIds: number[]) {
  const user = await db.customerUser.findUniqueOrThrow({
    where: { id },
    select: { version: true, firstName: true, lastName: true, email: true, customerId: true },
  });
  return { id, ...user, enabled: true, websiteId: null, birthday: "", phone: "", roleIds };
}

const managerRoleInput = async (co: Company) => ({
  id: co.roles.manager.id,
  version: co.roles.manager.version,
  label: "Manager",
  permissions: [{ permission: "customerUser.view", level: "CUSTOMER" as const }],
});

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const withManager = () => raceCompany(db, { aRole: "manager" });

/** A subsidiary whose only own user manager is `a` (Manager), below a parent whose administrators manage it too. */
async function parentAndSubsidiary(): Promise<Company> {
  const parent = await raceCompany(db);
  const subsidiary = await raceCompany(db, { aRole: "manager", parentId: parent.customer.id });
  await db.customerUser.update({ where: { id: subsidiary.b.id }, data: { enabled: false } });
  return { ...parent, subsidiary };
}

const scenarios: Scenario[] = [
  {
    name: "two administrators disable each other",
    paths: ["account.users.setEnabled", "account.users.setEnabled"],
    rule: managerRule,
    race: (co, as) => [
      as.a.account.users.setEnabled({ id: co.b.id, enabled: false }),
      as.b.account.users.setEnabled({ id: co.a.id, enabled: false }),
    ],
  },
  {
    name: "staff disable both administrators",
    paths: ["admin.customerUsers.setEnabled", "admin.customerUsers.setEnabled"],
    rule: managerRule,
    race: (co, as) => [
      as.staff.admin.customerUsers.setEnabled({ id: co.a.id, enabled: false }),
      as.staff.admin.customerUsers.setEnabled({ id: co.b.id, enabled: false }),
    ],
  },
  {
    name: "staff take the Administrator role from each",
    paths: ["admin.customerUserRoles.removeUsers", "admin.customerUserRoles.removeUsers"],
    rule: managerRule,
    race: (co, as) => [
      as.staff.admin.customerUserRoles.removeUsers({ roleId: co.roles.administrator, userIds: [co.a.id] }),
      as.staff.admin.customerUserRoles.removeUsers({ roleId: co.roles.administrator, userIds: [co.b.id] }),
    ],
  },
  {
    name: "two edits each drop Administrator",
    paths: ["admin.customerUsers.update", "admin.customerUsers.update"],
    rule: managerRule,
    race: (co, as) => [
      editInput(co.a.id, [co.roles.buyer]).then((input) => as.staff.admin.customerUsers.update(input)),
      editInput(co.b.id, [co.roles.buyer]).then((input) => as.staff.admin.customerUsers.update(input)),
    ],
  },
  {
    name: "a disable and a role removal",
    paths: ["admin.customerUsers.setEnabled", "account.roles.removeUsers"],
    rule: managerRule,
    race: (co, as) => [
      as.staff.admin.customerUsers.setEnabled({ id: co.a.id, enabled: false }),
      as.a.account.roles.removeUsers({ roleId: co.roles.administrator, userIds: [co.b.id] }),
    ],
  },
  {
    name: "both roles of one user taken at once",
    paths: ["account.roles.removeUsers", "account.roles.removeUsers"],
    rule: roleRule,
    race: (co, as) => [
      as.a.account.roles.removeUsers({ roleId: co.roles.buyer, userIds: [co.c.id] }),
      as.b.account.roles.removeUsers({ roleId: co.roles.clerk.id, userIds: [co.c.id] }),
    ],
  },
  {
    name: "a user enabled while their last role is taken",
    paths: ["account.users.setEnabled", "admin.customerUserRoles.removeUsers"],
    rule: roleRule,
    race: (co, as) => [
      as.a.account.users.setEnabled({ id: co.d.id, enabled: true }),
      as.staff.admin.customerUserRoles.removeUsers({ roleId: co.roles.clerk.id, userIds: [co.d.id] }),
    ],
  },
  {
    name: "an edit drops Administrator while the other administrator is disabled",
    paths: ["account.users.update", "account.users.setEnabled"],
    rule: managerRule,
    race: (co, as) => [
      editInput(co.a.id, [co.roles.buyer]).then((input) => as.b.account.users.update(input)),
      as.a.account.users.setEnabled({ id: co.b.id, enabled: false }),
    ],
  },
  {
    name: "staff and an administrator delete one administrator each",
    paths: ["admin.customerUsers.delete", "account.users.delete"],
    rule: managerRule,
    race: (co, as) => [as.staff.admin.customerUsers.delete({ id: co.a.id }), as.a.account.users.delete({ id: co.b.id })],
  },
  {
    name: "an erasure and a disable",
    paths: ["admin.privacy.erase", "admin.customerUsers.setEnabled"],
    rule: managerRule,
    race: (co, as) => [
      as.staff.admin.privacy.erase({ id: co.a.id, reason: "The person asked for it." }),
      as.staff.admin.customerUsers.setEnabled({ id: co.b.id, enabled: false }),
    ],
  },
  {
    name: "a mass disable and a mass delete",
    paths: ["admin.customerUsers.massSetEnabled", "account.users.massDelete"],
    rule: managerRule,
    race: (co, as) => [
      as.staff.admin.customerUsers.massSetEnabled({ ids: [co.a.id], enabled: false }),
      as.a.account.users.massDelete({ ids: [co.b.id] }),
    ],
  },
  {
    name: "a mass disable and a staff mass delete",
    paths: ["account.users.massSetEnabled", "admin.customerUsers.massDelete"],
    rule: managerRule,
    race: (co, as) => [
      as.a.account.users.massSetEnabled({ ids: [co.b.id], enabled: false }),
      as.staff.admin.customerUsers.massDelete({ ids: [co.a.id] }),
    ],
  },
  {
    name: "staff lower the Manager role while the administrator is disabled",
    paths: ["admin.customerUserRoles.update", "admin.customerUsers.setEnabled"],
    rule: managerRule,
    setup: withManager,
    race: (co, as) => [
      managerRoleInput(co).then((input) =>
        as.staff.admin.customerUserRoles.update({ ...input, customerId: co.customer.id, selfManaged: true, public: true }),
      ),
      as.staff.admin.customerUsers.setEnabled({ id: co.b.id, enabled: false }),
    ],
  },
  {
    name: "the administrator lowers the Manager role while staff disable them",
    paths: ["account.roles.update", "admin.customerUsers.setEnabled"],
    rule: managerRule,
    setup: withManager,
    race: (co, as) => [
      managerRoleInput(co).then((input) => as.b.account.roles.update(input)),
      as.staff.admin.customerUsers.setEnabled({ id: co.b.id, enabled: false }),
    ],
  },
  {
    name: "the administrator edits Administrator into a weaker company copy while the Manager is disabled",
    paths: ["account.roles.update", "admin.customerUsers.setEnabled"],
    rule: managerRule,
    setup: withManager,
    race: (co, as, round) => [
      db.customerUserRole.findUniqueOrThrow({ where: { id: co.roles.administrator } }).then((role) =>
        as.b.account.roles.update({
          id: role.id,
          version: role.version,
          label: "Weak administrator",
          permissions: [{ permission: "customerUser.view", level: "CUSTOMER" }],
        }),
      ),
      // The copy reads and writes more before it counts: the disable starts a little later, at a different moment each round.
      after((round % 5) * 2).then(() => as.staff.admin.customerUsers.setEnabled({ id: co.a.id, enabled: false })),
    ],
  },
  {
    name: "a subsidiary moves away from its parent's administrators while its own manager is disabled",
    paths: ["admin.customers.update", "admin.customerUsers.setEnabled"],
    rule: managerRule,
    setup: parentAndSubsidiary,
    race: (co, as) => [
      db.customer
        .findUniqueOrThrow({ where: { id: co.subsidiary!.customer.id } })
        .then((s) => as.staff.admin.customers.update({ id: s.id, version: s.version, name: s.name, parentId: null, groupId: null })),
      as.staff.admin.customerUsers.setEnabled({ id: co.subsidiary!.a.id, enabled: false }),
    ],
  },
];

/** A call's outcome: done, or refused (a mass action reports a refused row instead of failing). */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    const result = (await call) as { skipped?: { reason: string }[] } | undefined;
    const skipped = result?.skipped?.[0];
    return skipped ? `refused: ${skipped.reason}` : "done";
  } catch (error) {
    return error instanceof TRPCError && error.code === "BAD_REQUEST" ? `refused: ${error.message}` : `failed: ${String(error)}`;
  }
}

describe("the company rules under concurrent changes", () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
    "%s: one of the two is refused, every round",
    async (_name, scenario) => {
      const staff = await staffCaller(db, "admin@roster.test");
      const seen: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const co: Company = await (scenario.setup ?? (() => raceCompany(db)))();
        const as = { staff, a: await customerCaller(db, co.a.email), b: await customerCaller(db, co.b.email) };
        const results = await Promise.all(scenario.race(co, as, round).map(outcome));
        const refused = results.filter((result) => result.startsWith("refused: ") && scenario.rule.test(result));
        const companies = [co.customer.id, ...(co.subsidiary ? [co.subsidiary.customer.id] : [])];
        const users = [co, ...(co.subsidiary ? [co.subsidiary] : [])].flatMap((c) => [c.a.id, c.b.id, c.c.id, c.d.id]);
        const violations = await companyRuleViolations(db, companies, users);
        seen.push(
          results.includes("done") && refused.length === 1 && violations.length === 0
            ? "one refused"
            : `round ${round}: ${[...results, ...violations].join("; ")}`,
        );
      }
      expect(seen).toEqual(Array(rounds).fill("one refused"));
    },
    120_000,
  );
});

describe("every path that can take away a user manager or a user's last role", () => {
  /** Mutations of the routers that change customer users, their roles and the customer tree, and why the others cannot. */
  const cannotBreak: Record<string, string> = {
    "admin.customerUsers.confirm": "confirms an email; enabled and roles stay",
    "admin.customerUsers.resendConfirmation": "sends an email",
    "admin.customerUsers.resetPassword": "asks for a new password; enabled and roles stay",
    "admin.customerUsers.sendWelcome": "sends an email",
    "admin.customerUsers.create": "adds a user",
    "account.users.create": "adds a user",
    "admin.customerUserRoles.create": "a new role nobody holds",
    "account.roles.create": "a new role nobody holds",
    "admin.customerUserRoles.clone": "a new role nobody holds",
    "account.roles.clone": "a new role nobody holds",
    "admin.customerUserRoles.delete": "only a role nobody holds is deleted",
    "account.roles.delete": "only a role nobody holds is deleted",
    "admin.customerUserRoles.addUsers": "gives a role, takes none",
    "account.roles.addUsers": "gives a role, takes none",
    "admin.customers.create": "a new customer has no manager to lose",
    "admin.customers.setEnabled": "switches the company, not its users",
    "admin.customers.delete": "only a customer without users is deleted",
  };
  const raced = new Set(scenarios.flatMap((scenario) => scenario.paths));
  const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
    .filter(
      ([path, procedure]) =>
        procedure._def.type === "mutation" &&
        /^(admin\.(customerUsers|customerUserRoles|privacy|customers)|account\.(users|roles))\.[^.]+$/.test(path),
    )
    .map(([path]) => path);

  it("finds the mutations to classify", () => expect(mutations.length).toBeGreaterThan(20));

  it.each(mutations)("%s is raced above or cannot break a rule", (path) => {
    expect(raced.has(path) || path in cannotBreak).toBe(true);
  });
});

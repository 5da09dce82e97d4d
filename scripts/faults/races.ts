import type { PrismaClient } from "../../server/generated/prisma/client";
import { hashPassword } from "../../server/auth/password";
import { DEMO_PASSWORD } from "../../server/seed/demo";
import { companyRuleViolations, raceCompany, type RaceCompany } from "../../server/test/companies";
import { outcomeCounts, Session, type Answer } from "./http";

/**
 * The races of issue 15 over HTTP against the built server: pairs of changes that are each allowed alone and
 * together would break a company rule, role assignments sent ten at once, saves of one user sent twenty at once.
 */
type Pair = {
  name: string;
  race: (co: RaceCompany, staff: Session, a: () => Promise<Session>, b: () => Promise<Session>) => Promise<[Answer, Answer]>;
};

const edit = async (db: PrismaClient, id: number, roleIds: number[]) => {
  const user = await db.customerUser.findUniqueOrThrow({
    where: { id },
    select: { version: true, firstName: true, lastName: true, email: true, customerId: true },
  });
  return { id, ...user, enabled: true, websiteId: null, birthday: "", phone: "", roleIds };
};

function pairs(db: PrismaClient): Pair[] {
  const both = (x: Promise<Answer>, y: Promise<Answer>) => Promise.all([x, y]);
  return [
    {
      name: "two administrators disable each other",
      race: async (co, _staff, a, b) => {
        const [asA, asB] = await Promise.all([a(), b()]);
        return both(
          asA.mutate("account.users.setEnabled", { id: co.b.id, enabled: false }),
          asB.mutate("account.users.setEnabled", { id: co.a.id, enabled: false }),
        );
      },
    },
    {
      name: "staff disable both administrators",
      race: (co, staff) =>
        both(
          staff.mutate("admin.customerUsers.setEnabled", { id: co.a.id, enabled: false }),
          staff.mutate("admin.customerUsers.setEnabled", { id: co.b.id, enabled: false }),
        ),
    },
    {
      name: "the Administrator role removed from each",
      race: (co, staff) =>
        both(
          staff.mutate("admin.customerUserRoles.removeUsers", { roleId: co.roles.administrator, userIds: [co.a.id] }),
          staff.mutate("admin.customerUserRoles.removeUsers", { roleId: co.roles.administrator, userIds: [co.b.id] }),
        ),
    },
    {
      name: "two edits each dropping Administrator",
      race: async (co, staff) => {
        const [x, y] = await Promise.all([edit(db, co.a.id, [co.roles.buyer]), edit(db, co.b.id, [co.roles.buyer])]);
        return both(staff.mutate("admin.customerUsers.update", x), staff.mutate("admin.customerUsers.update", y));
      },
    },
    {
      name: "a disable and a role removal",
      race: (co, staff) =>
        both(
          staff.mutate("admin.customerUsers.setEnabled", { id: co.a.id, enabled: false }),
          staff.mutate("admin.customerUserRoles.removeUsers", { roleId: co.roles.administrator, userIds: [co.b.id] }),
        ),
    },
    {
      name: "both roles of one user removed at once",
      race: (co, staff) =>
        both(
          staff.mutate("admin.customerUserRoles.removeUsers", { roleId: co.roles.buyer, userIds: [co.c.id] }),
          staff.mutate("admin.customerUserRoles.removeUsers", { roleId: co.roles.clerk.id, userIds: [co.c.id] }),
        ),
    },
  ];
}

export async function invariantRaces(db: PrismaClient, base: string, rounds: number) {
  const staff = await new Session(base).signIn("staff", "admin@roster.test");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const lines: string[] = [];
  let violations = 0;
  let races = 0;
  for (const pair of pairs(db)) {
    const tallies = { oneRefused: 0, signedOut: 0, bothDone: 0, other: 0 };
    for (let round = 0; round < rounds; round++) {
      const co = await raceCompany(db);
      await db.customerUser.updateMany({ where: { id: { in: [co.a.id, co.b.id] } }, data: { passwordHash } });
      const signIn = (email: string) => () => new Session(base).signIn("customer", email);
      const answers = await pair.race(co, staff, signIn(co.a.email), signIn(co.b.email));
      const found = await companyRuleViolations(db, [co.customer.id], [co.a.id, co.b.id, co.c.id, co.d.id]);
      races++;
      if (found.length) violations++;
      const ok = answers.filter((answer) => answer.status === 200).length;
      if (ok === 1 && answers.some((answer) => answer.code === "BAD_REQUEST")) tallies.oneRefused++;
      // The other administrator was disabled first, which ended their session before their own request was read.
      else if (ok === 1 && answers.some((answer) => answer.status === 401)) tallies.signedOut++;
      else if (ok === 2) tallies.bothDone++;
      else tallies.other++;
    }
    const signedOut = tallies.signedOut ? `, one signed out first ${tallies.signedOut}` : "";
    lines.push(
      `${pair.name}: one refused ${tallies.oneRefused}${signedOut}, both done ${tallies.bothDone}, other ${tallies.other} (of ${rounds})`,
    );
  }
  return { races, violations, lines };
}

/** Ten "add these users to this role" calls at once, then ten removals: what they reported and audited against what changed. */
export async function parallelAssignments(db: PrismaClient, base: string, rounds: number) {
  const staff = await new Session(base).signIn("staff", "admin@roster.test");
  let misreported = 0;
  const lines: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const co = await raceCompany(db);
    const ids = [co.a.id, co.b.id, co.c.id];
    const role = co.roles.manager.id;
    const sum = (answers: Answer[], key: string) =>
      answers.reduce((total, a) => total + ((a.data as Record<string, number> | undefined)?.[key] ?? 0), 0);
    const added = await Promise.all(
      Array.from({ length: 10 }, () => staff.mutate("admin.customerUserRoles.addUsers", { roleId: role, userIds: ids })),
    );
    const held = await db.customerUserRoleAssignment.count({ where: { roleId: role } });
    const removed = await Promise.all(
      Array.from({ length: 10 }, () => staff.mutate("admin.customerUserRoles.removeUsers", { roleId: role, userIds: ids })),
    );
    // These users are new this round and get no other role assignment: every such audit entry is this role's.
    const audits = (action: string) => db.auditEvent.count({ where: { action, entityId: { in: ids.map(String) } } });
    const line = `reported added ${sum(added, "added")} / assigned ${held} / audited ${await audits("customerUserRole.assign")}; reported removed ${sum(removed, "removed")} / audited ${await audits("customerUserRole.unassign")}`;
    if (sum(added, "added") !== held || sum(removed, "removed") !== held) misreported++;
    if (round === 0) lines.push(`first round: ${line}`);
  }
  return { misreported, lines };
}

/** Twenty saves of one user against the same version, at once: one should win, the rest be 409. */
export async function parallelSaves(db: PrismaClient, base: string, rounds: number) {
  const staff = await new Session(base).signIn("staff", "admin@roster.test");
  const all: Answer[] = [];
  let wrong = 0;
  for (let round = 0; round < rounds; round++) {
    const co = await raceCompany(db);
    const input = await edit(db, co.c.id, [co.roles.buyer, co.roles.clerk.id]);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => staff.mutate("admin.customerUsers.update", { ...input, firstName: `Save ${i}` })),
    );
    all.push(...answers);
    if (outcomeCounts(answers) !== "CONFLICT 19, OK 1") wrong++;
  }
  return { wrong, lines: [`all saves: ${outcomeCounts(all)}; rounds not "OK 1, CONFLICT 19": ${wrong} of ${rounds}`] };
}

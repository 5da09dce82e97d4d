import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import type { Principal } from "../authz/access";
import { bumpAuthzEpoch } from "../authz/access";
import { administratorGrants } from "../authz/presets";
import { createTestDb } from "../test/db";
import { mandatoryConsentIds, tokenFromEmail } from "../test/mail";
import { callerFor, customerPrincipal, impersonate, staffPrincipal } from "../test/principals";
import { ZodError } from "zod";
import { apiCall, apiToken, callPath, changedTables, databaseDigest, editInputOf, procedureEntries } from "../test/attack";
import { acceptInvitation } from "../services/customerUsers/invitationAcceptance";

/**
 * Every path that changes what a user holds or may do, attacked by a weaker administrator against a stronger user
 * and role, in both realms: storefront administrators at Department level (dana) against Corporate ones (Erin, the
 * Administrator role) — in the storefront, through /api/v1, and as a staff member signed in as dana; staff with
 * fewer staff grants (people@, sales@) against a stronger staff account and role, and against customers beyond
 * their reach. Each attempt is refused and leaves the database as it was.
 *
 * Every mutation of appRouter is classified below; a new one fails the first test until it is attacked here or
 * said not to change holdings.
 */
type Attack = { name: string; as: Actor; run: (call: Call) => Promise<unknown>; expect: string };
type Call = (path: string, input: unknown) => Promise<unknown>;
type Actor = "dana" | "dana via /api/v1" | "sam as dana" | "people" | "sales" | "nobody";

let db: PrismaClient;
type FxKey =
  | "erin"
  | "eddie"
  | "dana"
  | "gina"
  | "east"
  | "globex"
  | "administrator"
  | "buyer"
  | "officeManager"
  | "ada"
  | "vera"
  | "pia"
  | "staffAdministrator"
  | "staffManager"
  | "readOnly"
  | "eastCorporate"
  | "eastRegional"
  | "packer"
  | "staffStrong"
  | "strongInvitation"
  | "ginaApp";
const fx = {} as Record<FxKey, number>;
const actors = {} as Record<Actor, Principal | null>;
let danaToken: string;
beforeAll(async () => {
  db = await createTestDb();
  const id = async (model: "customerUser" | "customer" | "customerUserRole" | "staffUser" | "staffRole", where: Record<string, string>) =>
    (await (db[model] as unknown as { findFirstOrThrow: (args: object) => Promise<{ id: number }> }).findFirstOrThrow({ where })).id;
  Object.assign(fx, {
    erin: await id("customerUser", { email: "erin.east@acme.test" }),
    eddie: await id("customerUser", { email: "eddie.buyer@acme.test" }),
    dana: await id("customerUser", { email: "dana.department@acme.test" }),
    gina: await id("customerUser", { email: "gina.globex@globex.test" }),
    east: await id("customer", { name: "Acme East" }),
    globex: await id("customer", { name: "Globex Industries" }),
    administrator: await id("customerUserRole", { code: "ROLE_FRONTEND_ADMINISTRATOR" }),
    buyer: await id("customerUserRole", { code: "ROLE_FRONTEND_BUYER" }),
    officeManager: await id("customerUserRole", { code: "ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER" }),
    ada: await id("staffUser", { email: "admin@roster.test" }),
    vera: await id("staffUser", { email: "viewer@roster.test" }),
    pia: await id("staffUser", { email: "people@roster.test" }),
    staffAdministrator: await id("staffRole", { code: "ADMINISTRATOR" }),
    staffManager: await id("staffRole", { code: "STAFF_MANAGER" }),
    readOnly: await id("staffRole", { code: "READ_ONLY" }),
  });
  const companyRole = async (label: string, grants: readonly (readonly [string, string])[], holder?: number) =>
    (
      await db.customerUserRole.create({
        data: {
          code: `ESCALATION_${label.toUpperCase().replace(/\W+/g, "_")}`,
          label,
          customerId: fx.east,
          selfManaged: true,
          permissions: { createMany: { data: grants.map(([permission, level]) => ({ permission, level: level as "CUSTOMER" })) } },
          ...(holder ? { assignments: { create: { customerUserId: holder } } } : {}),
        },
      })
    ).id;
  // Stronger roles of dana's own company: one Erin holds, one nobody holds; and a weak one dana may hand out.
  fx.eastCorporate = await companyRole("East corporate", administratorGrants, fx.erin);
  fx.eastRegional = await companyRole("East regional", [["customerUser.view", "SUBTREE"]]);
  fx.packer = await companyRole("East packer", [["order.view", "CUSTOMER"]]);
  fx.staffStrong = (
    await db.staffRole.create({
      data: { code: "ESCALATION_STRONG", label: "Strong", scope: "ALL", permissions: { create: [{ permission: "customerUser.delete" }] } },
    })
  ).id;
  // An invitation to Acme East handing out the Administrator role (Amanda may); one dana sent, whose role grew since.
  const amanda = callerFor(db, await customerPrincipal(db, "amanda.admin@acme.test"));
  fx.strongInvitation = (
    await amanda.account.invitations.create({ email: "strong.invitee@acme.test", customerId: fx.east, roleIds: [fx.administrator] })
  ).id;
  await callerFor(db, await customerPrincipal(db, "dana.department@acme.test")).account.invitations.create({
    email: "grown.invitee@acme.test",
    customerId: fx.east,
    roleIds: [fx.packer],
  });
  await db.rolePermission.updateMany({ where: { roleId: fx.packer }, data: { level: "SUBTREE" } });
  await bumpAuthzEpoch(db);
  fx.ginaApp = (
    await db.oAuthApplication.create({
      data: { name: "Gina's ERP", clientId: "escalation_gina", secretHash: "x", customerUserId: fx.gina },
    })
  ).id;

  danaToken = await apiToken(db, "dana.department@acme.test");
  actors.dana = await customerPrincipal(db, "dana.department@acme.test");
  actors["sam as dana"] = (await impersonate(db, "sales@roster.test", "dana.department@acme.test")).loaded as Principal;
  actors.people = await staffPrincipal(db, "people@roster.test");
  actors.sales = await staffPrincipal(db, "sales@roster.test");
  actors.nobody = null;
});

const newUser = (customerId: number, roleIds: number[]) => ({
  enabled: true,
  firstName: "Nina",
  lastName: "New",
  email: "nina.escalation@acme.test",
  customerId,
  websiteId: null,
  roleIds,
  generatePassword: true,
});
const permissions = (grants: [string, string][]) => grants.map(([permission, level]) => ({ permission, level }));
const edit = (email: string, overrides: object = {}) => editInputOf(db, email, overrides);
/** A REST call that answers like a procedure: the error's code, or the body. */
const rest = async (method: string, path: string, body?: object) => {
  const json = await (await apiCall(db, danaToken, method, path, body)).json();
  if (json.error) throw Object.assign(new Error(json.error.message), { code: json.error.code });
  return json;
};

/** The storefront's attacks, run alike by dana and by a staff member signed in as dana. */
const storefront = (as: "dana" | "sam as dana"): Attack[] => [
  {
    name: "create a user with the Administrator role",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.users.create", newUser(fx.east, [fx.administrator])),
  },
  {
    name: "edit Erin, who holds more",
    as,
    expect: "FORBIDDEN",
    run: async (c) => c("account.users.update", await edit("erin.east@acme.test", { firstName: "Erina" })),
  },
  {
    name: "give Eddie the Administrator role by editing him",
    as,
    expect: "FORBIDDEN",
    run: async (c) => c("account.users.update", await edit("eddie.buyer@acme.test", { roleIds: [fx.buyer, fx.administrator] })),
  },
  {
    name: "give herself the Administrator role",
    as,
    expect: "FORBIDDEN",
    run: async (c) => c("account.users.update", await edit("dana.department@acme.test", { roleIds: [fx.officeManager, fx.administrator] })),
  },
  { name: "disable Erin", as, expect: "FORBIDDEN", run: (c) => c("account.users.setEnabled", { id: fx.erin, enabled: false }) },
  { name: "delete Erin", as, expect: "FORBIDDEN", run: (c) => c("account.users.delete", { id: fx.erin }) },
  {
    name: "disable Erin in a mass action",
    as,
    expect: "SKIPPED",
    run: (c) => c("account.users.massSetEnabled", { ids: [fx.erin], enabled: false }),
  },
  { name: "delete Erin in a mass action", as, expect: "SKIPPED", run: (c) => c("account.users.massDelete", { ids: [fx.erin] }) },
  {
    name: "give Eddie the Administrator role",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.roles.addUsers", { roleId: fx.administrator, userIds: [fx.eddie] }),
  },
  {
    name: "give Erin, who holds more, another role",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.roles.addUsers", { roleId: fx.buyer, userIds: [fx.erin] }),
  },
  {
    name: "take the Administrator role from Erin",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.roles.removeUsers", { roleId: fx.administrator, userIds: [fx.erin] }),
  },
  {
    name: "take the company's Corporate role from Erin",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.roles.removeUsers", { roleId: fx.eastCorporate, userIds: [fx.erin] }),
  },
  {
    name: "lower the company's Corporate role Erin holds",
    as,
    expect: "FORBIDDEN",
    run: (c) =>
      c("account.roles.update", {
        id: fx.eastCorporate,
        version: 1,
        label: "East corporate",
        permissions: permissions([["order.view", "CUSTOMER"]]),
      }),
  },
  {
    name: "edit the predefined Administrator role (a copy moving Erin to it)",
    as,
    expect: "FORBIDDEN",
    run: (c) =>
      c("account.roles.update", {
        id: fx.administrator,
        version: 1,
        label: "Administrator light",
        permissions: permissions([["order.view", "CUSTOMER"]]),
      }),
  },
  {
    name: "clone the Administrator role",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.roles.clone", { id: fx.administrator, label: "My admin" }),
  },
  {
    name: "create a role at Corporate level",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.roles.create", { label: "Regional", permissions: permissions([["customerUser.view", "SUBTREE"]]) }),
  },
  { name: "delete a Corporate role nobody holds", as, expect: "FORBIDDEN", run: (c) => c("account.roles.delete", { id: fx.eastRegional }) },
  {
    name: "invite with the Administrator role",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.invitations.create", { email: "new.admin@acme.test", customerId: fx.east, roleIds: [fx.administrator] }),
  },
  {
    name: "send again an invitation handing out the Administrator role",
    as,
    expect: "FORBIDDEN",
    run: (c) => c("account.invitations.resend", { id: fx.strongInvitation }),
  },
];

const attacks: Attack[] = [
  ...storefront("dana"),
  ...storefront("sam as dana"),
  {
    name: "POST /api/v1/users with the Administrator role",
    as: "dana via /api/v1",
    expect: "FORBIDDEN",
    run: () => rest("POST", "/users", newUser(fx.east, [fx.administrator])),
  },
  {
    name: "PUT /api/v1/users/{id} on Erin",
    as: "dana via /api/v1",
    expect: "FORBIDDEN",
    run: async () => {
      const { id, ...body } = await edit("erin.east@acme.test", { firstName: "Erina" });
      return rest("PUT", `/users/${id}`, body);
    },
  },
  {
    name: "PUT /api/v1/users/{id} giving Eddie the Administrator role",
    as: "dana via /api/v1",
    expect: "FORBIDDEN",
    run: async () => {
      const { id, ...body } = await edit("eddie.buyer@acme.test", { roleIds: [fx.administrator] });
      return rest("PUT", `/users/${id}`, body);
    },
  },
  {
    name: "accept an invitation whose role grew beyond its sender (dana)",
    as: "nobody",
    expect: "BAD_REQUEST",
    run: async () =>
      acceptInvitation(db, {
        token: await tokenFromEmail(db, "grown.invitee@acme.test", "invitation"),
        firstName: "Grown",
        lastName: "Invitee",
        password: "Escalation-2026-pass",
        consentIds: await mandatoryConsentIds(db),
      }),
  },
  // Staff with fewer staff grants against a stronger staff account and role.
  {
    name: "create a staff member with the Administrator role",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) =>
      c("admin.staffUsers.create", {
        firstName: "New",
        lastName: "Admin",
        email: "new.admin@roster.test",
        roleIds: [fx.staffAdministrator],
      }),
  },
  {
    name: "edit Ada, who holds more",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) =>
      c("admin.staffUsers.update", {
        id: fx.ada,
        version: 1,
        firstName: "Ada",
        lastName: "Admin",
        email: "ada.taken@roster.test",
        roleIds: [fx.staffAdministrator],
      }),
  },
  {
    name: "give Vera the Administrator role",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) =>
      c("admin.staffUsers.update", {
        id: fx.vera,
        version: 1,
        firstName: "Vera",
        lastName: "Viewer",
        email: "viewer@roster.test",
        roleIds: [fx.readOnly, fx.staffAdministrator],
      }),
  },
  {
    name: "give herself the Administrator role",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) =>
      c("admin.staffUsers.update", {
        id: fx.pia,
        version: 1,
        firstName: "Pia",
        lastName: "People",
        email: "people@roster.test",
        roleIds: [fx.staffManager, fx.staffAdministrator],
      }),
  },
  { name: "disable Ada", as: "people", expect: "FORBIDDEN", run: (c) => c("admin.staffUsers.setEnabled", { id: fx.ada, enabled: false }) },
  {
    name: "send Ada a set-password link",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) => c("admin.staffUsers.sendPasswordLink", { id: fx.ada }),
  },
  {
    name: "create a staff role granting customer permissions",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) => c("admin.staffRoles.create", { label: "Sneaky", scope: "ALL", permissions: ["customerUser.view", "staffUser.view"] }),
  },
  {
    name: "lower the staff Administrator role",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) =>
      c("admin.staffRoles.update", {
        id: fx.staffAdministrator,
        version: 1,
        label: "Administrator",
        scope: "ALL",
        permissions: ["staffUser.view"],
      }),
  },
  {
    name: "widen her own Staff manager role",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) =>
      c("admin.staffRoles.update", {
        id: fx.staffManager,
        version: 1,
        label: "Staff manager",
        scope: "ALL",
        permissions: ["staffUser.view", "staffUser.edit", "customerUser.delete"],
      }),
  },
  {
    name: "delete a staff role granting more",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) => c("admin.staffRoles.delete", { id: fx.staffStrong }),
  },
  {
    name: "change the role registrants get",
    as: "people",
    expect: "FORBIDDEN",
    run: (c) => c("admin.settings.update", { websiteId: 1, updatedAt: new Date(), defaultRoleId: fx.administrator }),
  },
  // Staff against customer users and roles beyond their grants or reach (a sales manager: Acme Holding and East).
  ...(
    [
      ["admin.customerUserRoles.addUsers", () => ({ roleId: fx.administrator, userIds: [fx.eddie] }), "FORBIDDEN"],
      ["admin.customerUserRoles.removeUsers", () => ({ roleId: fx.administrator, userIds: [fx.erin] }), "FORBIDDEN"],
      [
        "admin.customerUserRoles.update",
        () => ({ id: fx.eastCorporate, version: 1, label: "East corporate", permissions: permissions([["order.view", "CUSTOMER"]]) }),
        "FORBIDDEN",
      ],
      [
        "admin.customerUserRoles.create",
        () => ({ label: "Sales made", customerId: fx.east, permissions: permissions([["order.view", "CUSTOMER"]]) }),
        "FORBIDDEN",
      ],
      ["admin.customerUserRoles.clone", () => ({ id: fx.administrator, label: "Sales clone" }), "FORBIDDEN"],
      ["admin.customerUserRoles.delete", () => ({ id: fx.eastRegional }), "FORBIDDEN"],
      ["admin.customerUsers.create", () => newUser(fx.globex, [fx.administrator]), "NOT_FOUND"],
      ["admin.customerUsers.setEnabled", () => ({ id: fx.gina, enabled: false }), "NOT_FOUND"],
      ["admin.customerUsers.massSetEnabled", () => ({ ids: [fx.gina], enabled: false }), "SKIPPED"],
      ["admin.customerUsers.delete", () => ({ id: fx.eddie }), "FORBIDDEN"],
      ["admin.customerUsers.massDelete", () => ({ ids: [fx.eddie] }), "FORBIDDEN"],
      ["admin.customerUsers.resetPassword", () => ({ id: fx.gina }), "NOT_FOUND"],
      ["admin.customerUsers.confirm", () => ({ id: fx.gina }), "NOT_FOUND"],
      ["admin.customerUsers.resendConfirmation", () => ({ id: fx.gina }), "NOT_FOUND"],
      ["admin.customerUsers.sendWelcome", () => ({ id: fx.gina }), "NOT_FOUND"],
      ["admin.impersonation.start", () => ({ customerUserId: fx.gina, reason: "Escalation test attempt" }), "NOT_FOUND"],
      ["admin.privacy.erase", () => ({ id: fx.eddie, reason: "Escalation test attempt" }), "FORBIDDEN"],
      ["admin.oauthApps.create", () => ({ customerUserId: fx.gina, name: "Sales key" }), "NOT_FOUND"],
      ["admin.oauthApps.setActive", () => ({ id: fx.ginaApp, active: false }), "NOT_FOUND"],
      ["admin.oauthApps.delete", () => ({ id: fx.ginaApp }), "NOT_FOUND"],
      [
        "admin.customers.create",
        () => ({ name: "Under Globex", parentId: fx.globex, salesRepIds: [], enabled: true, addresses: [] }),
        "FORBIDDEN",
      ],
      ["admin.customers.setEnabled", () => ({ id: fx.globex, enabled: false }), "NOT_FOUND"],
      ["admin.customers.delete", () => ({ id: fx.east }), "FORBIDDEN"],
    ] as [string, () => object, string][]
  ).map(([path, input, code]): Attack => ({
    name: `${path} beyond a sales manager's grants or customers`,
    as: "sales",
    expect: code,
    run: (c) => c(path, input()),
  })),
  {
    name: "move Acme East under a customer beyond reach",
    as: "sales",
    expect: "BAD_REQUEST",
    run: async (c) => {
      const east = await db.customer.findUniqueOrThrow({ where: { id: fx.east }, include: { salesRepresentatives: true } });
      const salesRepIds = east.salesRepresentatives.map((rep) => rep.staffUserId);
      return c("admin.customers.update", {
        id: east.id,
        version: east.version,
        name: east.name,
        parentId: fx.globex,
        groupId: east.groupId,
        salesRepIds,
        enabled: true,
      });
    },
  },
  {
    name: "edit Gina's roles",
    as: "sales",
    expect: "NOT_FOUND",
    run: async (c) => c("admin.customerUsers.update", await edit("gina.globex@globex.test", { roleIds: [fx.administrator] })),
  },
];

/**
 * Every mutation: attacked above, or why it changes nothing a user holds or may do. Public mutations act on one's
 * own account from a link or form, except accepting an invitation, which hands out roles.
 */
const notHoldings: Record<string, string> = {
  "account.addresses.create": "the user's own address book",
  "account.addresses.update": "the user's own address book",
  "account.addresses.delete": "the user's own address book",
  "account.companyAddresses.create": "the company's address book",
  "account.companyAddresses.update": "the company's address book",
  "account.companyAddresses.delete": "the company's address book",
  "account.apiAccess.create": "credentials acting as oneself, with one's own grants",
  "account.apiAccess.setActive": "one's own credentials",
  "account.apiAccess.delete": "one's own credentials",
  "account.consents.accept": "one's own consents",
  "account.consents.withdraw": "one's own consents",
  "account.impersonation.end": "ends a staff member's session as the user",
  "account.invitations.revoke": "withdraws an invitation: hands out nothing, takes nothing anyone holds",
  "account.profile.update": "one's own name and language",
  "account.profile.changeEmail": "one's own address, through a link",
  "account.profile.cancelEmailChange": "one's own pending address change",
  "account.profile.changePassword": "one's own password",
  "account.profile.signOutEverywhere": "ends one's own sessions",
  "admin.session.signOutEverywhere": "ends one's own sessions",
  "admin.calendarEvents.create": "a staff record",
  "admin.notes.create": "a staff record",
  "admin.notes.update": "a staff record",
  "admin.notes.delete": "a staff record",
  "admin.customers.notes.create": "a staff record",
  "admin.customers.notes.update": "a staff record",
  "admin.customers.notes.delete": "a staff record",
  "admin.customers.addresses.create": "a customer's address book",
  "admin.customers.addresses.update": "a customer's address book",
  "admin.customers.addresses.delete": "a customer's address book",
  "admin.consents.create": "consent wording",
  "admin.consents.update": "consent wording",
  "admin.consents.delete": "consent wording",
  "admin.customerGroups.create": "groups grant nothing",
  "admin.customerGroups.update": "groups grant nothing",
  "admin.customerGroups.delete": "groups grant nothing",
  "admin.loginAttempts.clearLockout": "lifts a lock on guessing; the account holds what it held",
  "auth.register": "a new account of one's own, with the role staff chose for registrants",
  "auth.confirmEmail": "confirms one's own address from the link",
  "auth.confirmEmailChange": "one's own address, from the link",
  "auth.requestPasswordReset": "sends a link to the address's owner",
  "auth.resendConfirmation": "sends a link to the address's owner",
  "auth.requestSignInLink": "sends a one-time sign-in link to the address's owner",
  "auth.resetPassword": "one's own password, from the link",
  "staffPassword.setPassword": "one's own password, from the link",
};
/** Attacked above without a procedure call (the acceptance page's service). */
const attackedDirectly = ["invitations.accept"];

describe("every path that changes what a user holds or may do", () => {
  it("is attacked here or said not to change holdings", async () => {
    const called = new Set<string>();
    const record: Call = async (path) => void called.add(path);
    for (const attack of attacks) if (attack.as !== "dana via /api/v1") await attack.run(record).catch(() => undefined);
    for (const path of attackedDirectly) called.add(path);
    const mutations = procedureEntries.filter(([, p]) => p._def.type === "mutation").map(([path]) => path);
    const unclassified = mutations.filter((path) => !called.has(path) && !(path in notHoldings));
    expect(unclassified, "attack these in escalation.test.ts, or say in notHoldings why they change no holdings").toEqual([]);
    expect([...called].filter((path) => path in notHoldings)).toEqual([]);
  });

  it.each(attacks)("refuses: $as may not $name", async (attack) => {
    const principal = attack.as === "dana via /api/v1" ? null : actors[attack.as];
    const caller = callerFor(db, principal);
    const before = await databaseDigest(db);
    // tRPC refusals, /api/v1 error bodies and the acceptance service's AppErrors all carry a code.
    const outcome = await attack
      .run((path, input) => callPath(caller, path, input))
      .then(
        (result) => ({
          code: (result as { done?: unknown[] } | null)?.done?.length === 0 ? "SKIPPED" : "OK",
          detail: JSON.stringify(result),
        }),
        (error: { code?: string; message: string; cause?: unknown }) => ({
          code: error.cause instanceof ZodError ? "INVALID" : (error.code ?? "THROWN"),
          detail: error.message,
        }),
      );
    expect(outcome).toMatchObject({ code: attack.expect });
    expect(changedTables(before, await databaseDigest(db))).toEqual([]);
  });
});

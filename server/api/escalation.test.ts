import { describe, expect, it } from "vitest";
import { procedureEntries } from "../test/attack";
import type { Call } from "../test/fixtures/escalation";
import { storefrontAttacks } from "../test/fixtures/escalationStorefront";
import { staffAttacks } from "../test/fixtures/escalationStaff";

/**
 * Every path that changes what a user holds or may do, attacked by a weaker administrator against a stronger user
 * and role, in both realms: storefront administrators at Department level (dana) against Corporate ones (Erin, the
 * Administrator role) — in the storefront, through /api/v1, and as a staff member signed in as dana; staff with
 * fewer staff grants (people@, sales@) against a stronger staff account and role, and against customers beyond
 * their reach. Each attempt is refused and leaves the database as it was (escalation.storefront.test.ts,
 * escalation.staff.test.ts; the attacks are in server/test/fixtures/escalation*.ts).
 *
 * Every mutation of appRouter is classified here; a new one fails this test until it is attacked there or said
 * not to change holdings.
 */
const attacks = [...storefrontAttacks, ...staffAttacks];

/**
 * Every mutation: attacked, or why it changes nothing a user holds or may do. Public mutations act on one's
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
/** Attacked without a procedure call (the acceptance page's service). */
const attackedDirectly = ["invitations.accept"];

describe("every path that changes what a user holds or may do", () => {
  it("is attacked here or said not to change holdings", async () => {
    const called = new Set<string>();
    const record: Call = async (path) => void called.add(path);
    for (const attack of attacks) if (attack.as !== "dana via /api/v1") await attack.run(record).catch(() => undefined);
    for (const path of attackedDirectly) called.add(path);
    const mutations = procedureEntries.filter(([, p]) => p._def.type === "mutation").map(([path]) => path);
    const unclassified = mutations.filter((path) => !called.has(path) && !(path in notHoldings));
    expect(unclassified, "attack these in server/test/fixtures/escalation*.ts, or say in notHoldings why they change no holdings").toEqual(
      [],
    );
    expect([...called].filter((path) => path in notHoldings)).toEqual([]);
  });
});

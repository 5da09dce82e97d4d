import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { DEMO_PASSWORD } from "../../seed/demo";
import { loadCustomerPrincipal, loadStaffPrincipal, type SessionClaims } from "../../authz/access";
import { callerFor, customerCaller, impersonate, staffCaller } from "../../test/principals";
import { signInCustomerUser, signInStaffUser } from "./signIn";
import { endSession } from "./sessions";
import { handleTokenRequest } from "../../api/oauth";
import { handleApiRequest } from "../../api/rest";
import { tokenFromEmail } from "../../test/mail";

/**
 * A session is a row the cookie names: signing out ends that row (what the next-auth signOut event does), so a
 * copy of the cookie no longer works, while the same user's other browsers stay signed in.
 */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const realms = [
  { realm: "customer" as const, email: "bob.buyer@acme.test", signIn: signInCustomerUser, load: loadCustomerPrincipal },
  { realm: "staff" as const, email: "viewer@roster.test", signIn: signInStaffUser, load: loadStaffPrincipal },
];

/** What a browser's cookie says after signing in there. */
async function browser(signIn: (typeof realms)[number]["signIn"], email: string, device = "device") {
  const outcome = await signIn(db, { email, password: DEMO_PASSWORD, ip: "10.80.0.1", userAgent: "vitest", device });
  if (!outcome.ok) throw new Error(outcome.reason);
  return { uid: outcome.userId, sv: outcome.sessionVersion, sid: outcome.sessionId } satisfies SessionClaims;
}

const state = (loaded: object) => ("ended" in loaded ? loaded : "signed in");

describe.each(realms)("a $realm session", ({ realm, email, signIn, load }) => {
  it("ends for a copy of its cookie once signed out, and for no other browser", async () => {
    const laptop = await browser(signIn, email);
    const phone = await browser(signIn, email);
    expect(laptop.sid).not.toBe(phone.sid);
    expect(state(await load(db, laptop))).toBe("signed in");

    await endSession(db, realm, laptop.sid);
    expect(await load(db, laptop)).toEqual({ ended: "revoked" });
    expect(state(await load(db, phone))).toBe("signed in");
    const row = await db.userSession.findUniqueOrThrow({ where: { id: laptop.sid } });
    expect(row).toMatchObject({ realm: realm === "staff" ? "STAFF" : "CUSTOMER", ip: "10.80.0.1", userAgent: "vitest" });
    expect(row.endedAt).not.toBeNull();
  });

  it("ends when its time is up, whatever the cookie claims", async () => {
    const claims = await browser(signIn, email);
    await db.userSession.update({ where: { id: claims.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await load(db, claims)).toEqual({ ended: "revoked" });
  });

  it("is not another user's: a session id names one account of one realm", async () => {
    const mine = await browser(signIn, email);
    const other =
      realm === "staff" ? await browser(signInStaffUser, "sales@roster.test") : await browser(signInCustomerUser, "amanda.admin@acme.test");
    expect(await load(db, { ...other, sid: mine.sid })).toEqual({ ended: "revoked" });
    const otherRealm =
      realm === "staff"
        ? await browser(signInCustomerUser, "gina.globex@globex.test")
        : await browser(signInStaffUser, "people@roster.test");
    expect(await load(db, { ...mine, sid: otherRealm.sid })).toEqual({ ended: "revoked" });
  });
});

describe("signing out everywhere", () => {
  it("ends every session of a customer user, and only theirs", async () => {
    const first = await browser(signInCustomerUser, "walter.west@acme.test");
    const second = await browser(signInCustomerUser, "walter.west@acme.test");
    const someoneElse = await browser(signInCustomerUser, "gina.globex@globex.test");
    const walter = await loadCustomerPrincipal(db, first);
    if ("ended" in walter) throw new Error("ended");
    expect(await callerFor(db, walter).account.profile.signOutEverywhere()).toEqual({ signedOut: true });
    expect(await loadCustomerPrincipal(db, first)).toEqual({ ended: "revoked" });
    expect(await loadCustomerPrincipal(db, second)).toEqual({ ended: "revoked" });
    expect(state(await loadCustomerPrincipal(db, someoneElse))).toBe("signed in");
    expect(state(await loadCustomerPrincipal(db, await browser(signInCustomerUser, "walter.west@acme.test")))).toBe("signed in");
  });

  it("ends every session of a staff member", async () => {
    const first = await browser(signInStaffUser, "sales@roster.test");
    const second = await browser(signInStaffUser, "sales@roster.test");
    const sam = await loadStaffPrincipal(db, first);
    if ("ended" in sam) throw new Error("ended");
    await callerFor(db, sam).admin.session.signOutEverywhere();
    expect(await loadStaffPrincipal(db, first)).toEqual({ ended: "revoked" });
    expect(await loadStaffPrincipal(db, second)).toEqual({ ended: "revoked" });
  });

  it("is the user's own to do, not an impersonating staff member's", async () => {
    const own = await browser(signInCustomerUser, "dana.department@acme.test");
    const { loaded } = await impersonate(db, "admin@roster.test", "dana.department@acme.test");
    if ("ended" in loaded) throw new Error("ended");
    await expect(callerFor(db, loaded).account.profile.signOutEverywhere()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(state(await loadCustomerPrincipal(db, own))).toBe("signed in");
    await expect((await customerCaller(db, "dana.department@acme.test")).account.profile.signOutEverywhere()).resolves.toEqual({
      signedOut: true,
    });
    expect(await loadCustomerPrincipal(db, own)).toEqual({ ended: "revoked" });
  });
});

describe("an API access token", () => {
  async function tokenOf(email: string) {
    const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
    const { application, clientSecret } = await (
      await staffCaller(db, "admin@roster.test")
    ).admin.oauthApps.create({ customerUserId: user.id, name: "Sync" });
    const issue = async () => {
      const response = await handleTokenRequest(
        db,
        new Request("http://roster.test/api/oauth/token", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: application.clientId,
            client_secret: clientSecret,
          }).toString(),
        }),
      );
      expect(response.status).toBe(200);
      return (await response.json()).access_token as string;
    };
    return { issue, token: await issue() };
  }
  const me = async (token: string) =>
    (await handleApiRequest(db, new Request("http://roster.test/api/v1/me", { headers: { authorization: `Bearer ${token}` } }))).status;

  it("ends when its user changes their password; the application's next token works", async () => {
    const { issue, token } = await tokenOf("lara.logistics@acme.test");
    expect(await me(token)).toBe(200);
    await (
      await customerCaller(db, "lara.logistics@acme.test")
    ).account.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "Lara-new-pass-2026" });
    expect(await me(token)).toBe(401);
    expect(await me(await issue())).toBe(200);
  });

  it("ends when its user sets a new password from a reset link", async () => {
    const { token } = await tokenOf("gary.buyer@globex.test");
    expect(await me(token)).toBe(200);
    await callerFor(db, null, { ip: "10.80.1.1" }).auth.requestPasswordReset({ email: "gary.buyer@globex.test" });
    const link = await tokenFromEmail(db, "gary.buyer@globex.test", "passwordReset");
    await callerFor(db, null).auth.resetPassword({ token: link, password: "Gary-new-pass-2026" });
    expect(await me(token)).toBe(401);
  });
});

import { describe, expect, it } from "vitest";
import { customerCaller, staffCaller } from "../test/principals";
import { CLIENT_ADDRESS_HEADER } from "../http";
import { handleTokenRequest } from "./oauth";
import { api, appFor, basic, db, form, tokenFor } from "../test/fixtures/api";

/** The token endpoint, and how long the tokens it issues stay live. */
describe("POST /api/oauth/token", () => {
  it("issues an expiring bearer token for Basic or form credentials, never cached", async () => {
    const { application, clientSecret } = await appFor("bob.buyer@acme.test");
    for (const request of [
      form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)),
      form({ grant_type: "client_credentials", client_id: application.clientId, client_secret: clientSecret }),
    ]) {
      const response = await handleTokenRequest(db, request);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ token_type: "Bearer", expires_in: 3600, access_token: expect.any(String) });
    }
    const stored = await db.oAuthAccessToken.findMany({ where: { applicationId: application.id } });
    expect(stored).toHaveLength(2);
    expect(stored[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("answers the standard errors", async () => {
    const { application, clientSecret } = await appFor("bob.buyer@acme.test");
    const wrongSecret = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, "nope")));
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.headers.get("www-authenticate")).toContain("Basic");
    expect(await wrongSecret.json()).toMatchObject({ error: "invalid_client" });

    const unknown = await handleTokenRequest(db, form({ grant_type: "client_credentials", client_id: "rst_unknown", client_secret: "x" }));
    expect(await unknown.json()).toMatchObject({ error: "invalid_client" });

    const grant = await handleTokenRequest(db, form({ grant_type: "password" }, basic(application.clientId, clientSecret)));
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });

    const missing = await handleTokenRequest(db, form({}, basic(application.clientId, clientSecret)));
    expect(await missing.json()).toMatchObject({ error: "invalid_request" });

    const both = await handleTokenRequest(
      db,
      form({ grant_type: "client_credentials", client_id: application.clientId }, basic(application.clientId, clientSecret)),
    );
    expect(await both.json()).toMatchObject({ error: "invalid_request" });

    const json = await handleTokenRequest(
      db,
      new Request("http://roster.test/api/oauth/token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    );
    expect(await json.json()).toMatchObject({ error: "invalid_request" });
    expect(await db.loginAttempt.count({ where: { source: "OAUTH", result: "BAD_CREDENTIALS" } })).toBe(2);
  });

  it("throttles guessing: a client locks after repeated failures", async () => {
    const { application, clientSecret } = await appFor("eddie.buyer@acme.test");
    let last: Response | undefined;
    for (let i = 0; i < 20; i++) {
      last = await handleTokenRequest(
        db,
        form(
          { grant_type: "client_credentials" },
          { ...basic(application.clientId, `guess-${i}`), [CLIENT_ADDRESS_HEADER]: `10.9.0.${i}` },
        ),
      );
    }
    const right = await handleTokenRequest(
      db,
      form({ grant_type: "client_credentials" }, { ...basic(application.clientId, clientSecret), [CLIENT_ADDRESS_HEADER]: "10.9.1.1" }),
    );
    expect(last!.status).toBe(401);
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("refuses a deactivated application and a disabled user", async () => {
    const { application, clientSecret } = await appFor("lara.logistics@acme.test");
    await db.oAuthApplication.update({ where: { id: application.id }, data: { active: false } });
    expect(
      await (await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)))).json(),
    ).toMatchObject({ error: "invalid_client" });
    await db.oAuthApplication.update({ where: { id: application.id }, data: { active: true } });
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { enabled: false } });
    expect(
      await (await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)))).json(),
    ).toMatchObject({ error: "invalid_grant" });
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { enabled: true } });
  });
});

describe("a live access token's lifetime", () => {
  const unauthorized = async (token: string) => {
    for (const path of ["/me", "/orders"]) {
      const response = await api(path, token);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "The access token is invalid or has expired." } });
    }
  };

  it("ends at once when staff delete its application, and when the user deletes their own", async () => {
    const erin = await tokenFor("erin.east@acme.test");
    expect((await api("/me", erin.token)).status).toBe(200);
    await (await staffCaller(db, "admin@roster.test")).admin.oauthApps.delete({ id: erin.application.id });
    await unauthorized(erin.token);
    expect(await db.oAuthAccessToken.count({ where: { applicationId: erin.application.id } })).toBe(0);

    const amanda = await tokenFor("amanda.admin@acme.test");
    expect((await api("/me", amanda.token)).status).toBe(200);
    await (await customerCaller(db, "amanda.admin@acme.test")).account.apiAccess.delete({ id: amanda.application.id });
    await unauthorized(amanda.token);
  });

  it("ends at once when staff or the company's administrator disable the token's user", async () => {
    const gary = await tokenFor("gary.buyer@globex.test");
    expect((await api("/orders", gary.token)).status).toBe(200);
    const admin = await staffCaller(db, "admin@roster.test");
    await admin.admin.customerUsers.setEnabled({ id: gary.application.customerUserId, enabled: false });
    await unauthorized(gary.token);
    await admin.admin.customerUsers.setEnabled({ id: gary.application.customerUserId, enabled: true });

    const wendy = await tokenFor("wendy.buyer@acme.test");
    expect((await api("/me", wendy.token)).status).toBe(200);
    const walter = await customerCaller(db, "walter.west@acme.test");
    await walter.account.users.setEnabled({ id: wendy.application.customerUserId, enabled: false });
    await unauthorized(wendy.token);
    await walter.account.users.setEnabled({ id: wendy.application.customerUserId, enabled: true });
  });

  it("ends when it expires, though its application lives on", async () => {
    const { token, application, clientSecret } = await tokenFor("bob.buyer@acme.test");
    await db.oAuthAccessToken.updateMany({ where: { applicationId: application.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await unauthorized(token);
    const fresh = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)));
    expect((await api("/me", (await fresh.json()).access_token)).status).toBe(200);
  });
});

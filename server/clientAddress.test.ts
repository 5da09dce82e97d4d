import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "./generated/prisma/client";
import { createTestDb } from "./test/db";
import { DEMO_PASSWORD } from "./seed/demo";
import { CLIENT_ADDRESS_HEADER, compileTrust, installClientAddressHook } from "./clientAddress";
import { browserOrigin, clientIp } from "./http";
import { createTRPCRouter, httpContext, publicProcedure } from "./api/trpc";
import { signInCustomerUser } from "./services/identity/signIn";
import { rules } from "./services/identity/rateLimit";

/**
 * A real HTTP server with the hook installed, as under `next start`: requests arrive on a socket from 127.0.0.1 and
 * carry whatever forwarded headers the client chose. The handler sees only what the hook left.
 */
let db: PrismaClient;
let server: http.Server;
let port: number;
let uninstall: (() => void) | undefined;

const probe = createTRPCRouter({ touch: publicProcedure.mutation(() => "saved") });

function toHeaders(incoming: http.IncomingHttpHeaders) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) if (typeof value === "string") headers.set(name, value);
  return headers;
}

beforeAll(async () => {
  db = await createTestDb();
  server = http.createServer(async (req, res) => {
    const headers = toHeaders(req.headers);
    const url = new URL(req.url!, "http://localhost:3000");
    let body: unknown;
    if (url.pathname === "/sign-in") {
      const outcome = await signInCustomerUser(db, {
        email: url.searchParams.get("email")!,
        password: url.searchParams.get("password")!,
        ip: clientIp(headers),
        userAgent: "vitest",
      });
      body = { ip: clientIp(headers), outcome };
    } else if (url.pathname === "/save") {
      // As the tRPC route builds its context: Next hands the handler a URL on its own idea of the host.
      const ctx = httpContext(new Request(url, { method: "POST", headers }), {
        db,
        defer: async () => {},
        staff: async () => null,
        customer: async () => null,
      });
      body = await probe
        .createCaller(ctx)
        .touch()
        .catch((error: Error) => ({ refused: error.message }));
    } else {
      body = { ip: clientIp(headers), origin: browserOrigin(headers), forwarded: headers.get("x-forwarded-for") };
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => uninstall?.());

const trusting = (setting: string) => {
  uninstall = installClientAddressHook(compileTrust(setting));
};

/** A request from 127.0.0.1 with exactly these headers (Host included: http.request lets us choose it). */
function send(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text)));
    });
    req.on("error", reject);
    req.end();
  });
}

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  send(`/sign-in?email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`, headers) as Promise<{
    ip: string;
    outcome: { ok: boolean; reason?: string };
  }>;

describe("without trusted proxies (the default)", () => {
  it("counts failures under the socket's address whatever X-Forwarded-For says, and records that address", async () => {
    trusting("");
    const outcomes = [];
    for (let i = 0; i < rules.loginIp.limit + 5; i++) {
      const invented = { "x-forwarded-for": `198.51.${i % 250}.${(i * 7) % 250}`, "x-real-ip": `203.0.113.${i % 250}` };
      outcomes.push(await signIn(`forged-${i}@nowhere.test`, "not-the-password-1", invented));
    }
    expect(outcomes.every((o) => o.ip === "127.0.0.1")).toBe(true);
    expect(outcomes.slice(0, rules.loginIp.limit - 1).every((o) => o.outcome.reason === "invalid")).toBe(true);
    expect(outcomes.slice(rules.loginIp.limit - 1).every((o) => o.outcome.reason !== "invalid")).toBe(true);
    expect(await db.rateLimit.count({ where: { key: "login:ip:127.0.0.1", lockedUntil: { gt: new Date() } } })).toBe(1);
    // Yet another invented address does not get past the lock of the real one.
    expect((await signIn("bob.buyer@acme.test", DEMO_PASSWORD, { "x-forwarded-for": "192.0.2.200" })).outcome.ok).toBe(false);
    const recorded = await db.loginAttempt.findMany({
      where: { email: { startsWith: "forged-" } },
      select: { ip: true },
      distinct: ["ip"],
    });
    expect(recorded).toEqual([{ ip: "127.0.0.1" }]);
    await db.rateLimit.deleteMany({ where: { key: "login:ip:127.0.0.1" } });
  }, 180_000);

  it("drops forwarded host, scheme and a client's own copy of the address header", async () => {
    trusting("");
    const seen = await send("/", {
      host: `127.0.0.1:${port}`,
      "x-forwarded-host": "evil.test",
      "x-forwarded-proto": "https",
      [CLIENT_ADDRESS_HEADER]: "10.0.0.1",
    });
    expect(seen).toEqual({ ip: "127.0.0.1", origin: `http://127.0.0.1:${port}`, forwarded: null });
  });
});

describe("behind trusted proxies", () => {
  it.each([
    ["loopback", "198.51.100.7, 203.0.113.5", "203.0.113.5"],
    ["127.0.0.0/8", "203.0.113.5", "203.0.113.5"],
    ["127.0.0.1, 203.0.113.0/24", "198.51.100.7, 203.0.113.5", "198.51.100.7"],
    ["1", "198.51.100.7, 203.0.113.5", "203.0.113.5"],
    ["2", "198.51.100.7, 203.0.113.5", "198.51.100.7"],
    ["10.0.0.0/8", "203.0.113.5", "127.0.0.1"],
  ])("TRUSTED_PROXIES=%s and X-Forwarded-For %s: the client is %s", async (setting, forwardedFor, client) => {
    trusting(setting);
    expect((await send("/", { "x-forwarded-for": forwardedFor })).ip).toBe(client);
  });

  it("records and locks the forwarded address, not the proxy's", async () => {
    trusting("loopback");
    const first = await signIn("nobody@nowhere.test", "wrong-password-1", { "x-forwarded-for": "203.0.113.77" });
    expect(first.ip).toBe("203.0.113.77");
    expect(await db.loginAttempt.count({ where: { email: "nobody@nowhere.test", ip: "203.0.113.77" } })).toBe(1);
    expect(await db.rateLimit.count({ where: { key: "login:ip:203.0.113.77" } })).toBe(1);
  });

  it("believes the proxy's host and scheme", async () => {
    trusting("loopback");
    const seen = await send("/", {
      host: "10.0.0.5:3000",
      "x-forwarded-host": "shop.example, inner.example",
      "x-forwarded-proto": "https",
    });
    expect(seen.origin).toBe("https://shop.example");
  });
});

describe("the same-origin check on a mutation", () => {
  const save = (headers: Record<string, string>) => send("/save", headers, "POST");

  it.each([
    ["opened at an address other than APP_URL", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }],
    ["opened at another host name", { host: "roster.internal:8080", origin: "http://roster.internal:8080" }],
    ["opened at APP_URL", { host: "localhost:3000", origin: "http://localhost:3000" }],
  ])("passes from the page the browser %s", async (_case, headers) => {
    trusting("");
    expect(await save(headers)).toBe("saved");
  });

  it("passes behind a trusted proxy that changes host and scheme", async () => {
    trusting("loopback");
    expect(
      await save({
        host: "10.0.0.5:3000",
        "x-forwarded-host": "shop.example",
        "x-forwarded-proto": "https",
        origin: "https://shop.example",
      }),
    ).toBe("saved");
  });

  it.each([
    ["another site", { host: "127.0.0.1:3000", origin: "http://evil.test" }],
    [
      "another site naming itself as forwarded host",
      { host: "127.0.0.1:3000", "x-forwarded-host": "evil.test", origin: "http://evil.test" },
    ],
    ["the right host on another scheme", { host: "127.0.0.1:3000", origin: "https://127.0.0.1:3000" }],
  ])("refuses %s, saying what reached Roster and what to set", async (_case, headers) => {
    trusting("");
    const answer = (await save(headers)) as { refused: string };
    expect(answer.refused).toContain(`sent from a page at ${headers.origin}`);
    expect(answer.refused).toContain("reached Roster as http://127.0.0.1:3000");
    expect(answer.refused).toContain("TRUSTED_PROXIES");
  });
});

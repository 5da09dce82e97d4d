import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import type { PrismaClient } from "../generated/prisma/client";
import { postgresClient } from "../db";
import { isDatabaseUnavailable, retryAfterSeconds } from "../errors";
import { createTestDb } from "../test/db";
import { databaseUrlFor } from "../test/template";
import { staffPrincipal } from "../test/principals";
import { loadStaffPrincipal, type StaffPrincipal } from "../authz/access";
import { handleTrpcRequest } from "./http";
import { handleTokenRequest } from "./oauth";
import { handleApiRequest } from "./rest";
import { toUnavailablePage } from "../unavailable";
import { GET as unavailablePage } from "../../app/unavailable/route";

/**
 * A database that is busy (every pooled connection taken for longer than the wait) or unreachable is a 503 with
 * Retry-After on every face, never a 500, and the same client recovers once the database answers again. Outages
 * are simulated with a closed port and a TCP proxy of the test's own; the shared PostgreSQL cluster is never touched.
 */
const origin = "http://roster.test";
const postgres = process.env.DATABASE_URL;

let db: PrismaClient;
let admin: StaffPrincipal;
beforeAll(async () => {
  db = await createTestDb();
  admin = await staffPrincipal(db, "admin@roster.test");
});

const trpc = (client: PrismaClient, path: string, input: unknown, type: "query" | "mutation" = "query") => {
  const payload = JSON.stringify(superjson.serialize(input));
  const req =
    type === "query"
      ? new Request(`${origin}/api/trpc/${path}?input=${encodeURIComponent(payload)}`)
      : new Request(`${origin}/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin, host: new URL(origin).host },
          body: payload,
        });
  return handleTrpcRequest(req, { db: client, staff: async () => admin, customer: async () => null });
};
const rest = (client: PrismaClient) =>
  handleApiRequest(client, new Request(`${origin}/api/v1/me`, { headers: { authorization: "Bearer rst_at_unknown" } }));
const token = (client: PrismaClient) =>
  handleTokenRequest(
    client,
    new Request(`${origin}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=rst_unknown&client_secret=x",
    }),
  );

/** Status and Retry-After of each face's answer. */
async function faces(client: PrismaClient) {
  const answers = [
    await trpc(client, "admin.customers.list", {}),
    await trpc(client, "admin.customerGroups.create", { name: `Group ${Math.random()}` }, "mutation"),
    await rest(client),
    await token(client),
  ];
  return answers.map((response) => `${response.status} ${response.headers.get("retry-after") ?? "-"}`);
}
const unavailable = [`503 ${retryAfterSeconds}`, `503 ${retryAfterSeconds}`, `503 ${retryAfterSeconds}`, `503 ${retryAfterSeconds}`];

async function closedPort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("an unreachable database", () => {
  it("is a 503 with Retry-After on /api/trpc (queries and mutations), /api/v1 and the token endpoint", async () => {
    const nowhere = postgresClient(`postgresql://roster:roster@127.0.0.1:${await closedPort()}/roster`, { waitMs: 500 });
    try {
      expect(await faces(nowhere)).toEqual(unavailable);
      // The session check every request makes first (on the driver, not through Prisma) is one of them.
      const withSession = await handleTrpcRequest(new Request(`${origin}/api/trpc/admin.session.me`), {
        db: nowhere,
        staff: () => loadStaffPrincipal(nowhere, { uid: admin.id, sv: 1 }),
        customer: async () => null,
      });
      expect([withSession.status, withSession.headers.get("retry-after")]).toEqual([503, String(retryAfterSeconds)]);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("sends a page to /unavailable, which answers 503 with Retry-After and leads back only within the site", async () => {
    const redirect = (() => {
      try {
        toUnavailablePage(new Headers({ "x-roster-path": "/admin/customers?q=acme" }));
      } catch (error) {
        return (error as { digest?: string }).digest;
      }
    })();
    expect(redirect).toContain("/unavailable?next=%2Fadmin%2Fcustomers%3Fq%3Dacme");
    const page = unavailablePage(new Request(`${origin}/unavailable?next=${encodeURIComponent("/admin/customers?q=acme")}`));
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe(String(retryAfterSeconds));
    expect(await page.text()).toContain('href="/admin/customers?q=acme"');
    for (const away of ["//evil.test/x", "https://evil.test", "/\\evil.test"]) {
      expect(await unavailablePage(new Request(`${origin}/unavailable?next=${encodeURIComponent(away)}`)).text()).toContain('href="/"');
    }
  });

  it("is told apart from a request's own fault", () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { kind: "DatabaseNotReachable" } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
  });
});

/** A TCP proxy to PostgreSQL that the test stops and starts: an outage of one client's database, and its end. */
function tcpProxy(target: { host: string; port: number }) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async start(port = 0) {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("error", () => socket.destroy());
          socket.on("close", () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server!.close(resolve));
    },
  };
}

describe.runIf(postgres)("on PostgreSQL", () => {
  let url: string;
  beforeAll(async () => {
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    url = databaseUrlFor(postgres!, rows[0]!.name);
  });

  it("an outage is a 503 with Retry-After, and the same client answers again once the database is back", async () => {
    const target = new URL(url);
    const proxy = tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const port = await proxy.start();
    const viaProxy = new URL(url);
    viaProxy.port = String(port);
    const client = postgresClient(viaProxy.toString(), { max: 2, waitMs: 1000 });
    try {
      expect((await trpc(client, "admin.customers.list", {})).status).toBe(200);
      await proxy.stop();
      expect(await faces(client)).toEqual(unavailable);
      await proxy.start(port);
      const back = await faces(client);
      expect(back.slice(0, 2)).toEqual(["200 -", "200 -"]);
      expect(back.slice(2).map((answer) => answer.split(" ")[0])).toEqual(["401", "401"]);
    } finally {
      await client.$disconnect();
      await proxy.stop().catch(() => undefined);
    }
  });

  it("a pool whose connections all stay busy past the wait answers 503 with Retry-After, then serves again", async () => {
    const client = postgresClient(url, { max: 1, waitMs: 200 });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const started = new Promise<void>((resolve) => (holding = resolve));
      const holder = client.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          holding();
          await held;
        },
        { timeout: 10_000 },
      );
      await started;
      expect(await Promise.all([faces(client), faces(client)])).toEqual([unavailable, unavailable]);
      release();
      await holder;
      expect((await faces(client)).slice(0, 2)).toEqual(["200 -", "200 -"]);
    } finally {
      await client.$disconnect();
    }
  });

  it("twenty saves at once on a small pool are each a 200, a 409 or a 503, never a 500", async () => {
    const client = postgresClient(url, { max: 2, waitMs: 100 });
    try {
      const group = await db.customerGroup.create({ data: { name: `Busy ${Date.now()}` } });
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          trpc(client, "admin.customerGroups.update", { id: group.id, name: `Busy ${Date.now()} ${i}` }, "mutation"),
        ),
      );
      const statuses = answers.map((response) => response.status);
      expect(statuses.filter((status) => ![200, 409, 503].includes(status))).toEqual([]);
      expect(
        answers
          .filter((response) => response.status === 503)
          .every((response) => response.headers.get("retry-after") === String(retryAfterSeconds)),
      ).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import type { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";
import { latestMoment } from "../schemas/common";
import { createTestDb } from "../test/db";
import { callerFor, staffPrincipal } from "../test/principals";
import { defOf, lengthBounds, numberBounds } from "../test/zodShape";
import type { StaffPrincipal } from "../authz/access";
import { appRouter } from "./root";
import { handleTrpcRequest } from "./http";
import { handleTokenRequest } from "./oauth";
import { handleApiRequest } from "./rest";

/**
 * Request bodies are bounded before anything parses them (REQUEST_BODY_LIMIT, 1 MB by default): a body that
 * declares more is refused unread, a chunked one is read only up to the limit. The largest request the app itself
 * sends stays well within it.
 */
const origin = "http://roster.test";
const limit = env.REQUEST_BODY_LIMIT;
const MB = 1024 * 1024;

let db: PrismaClient;
let admin: StaffPrincipal;
beforeAll(async () => {
  db = await createTestDb();
  admin = await staffPrincipal(db, "admin@roster.test");
});

/**
 * A body of `size` bytes made as it is read, counting what was read: nothing is held unless the reader holds it.
 * `prefix` and `suffix` frame the padding (a valid JSON document around a long string).
 */
function hugeBody(size: number, prefix = "", suffix = "") {
  const chunk = new Uint8Array(64 * 1024).fill(0x78);
  const [head, tail] = [new TextEncoder().encode(prefix), new TextEncoder().encode(suffix)];
  const state = { read: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const padding = size - tail.length - sent;
      const next = sent === 0 && head.length ? head : padding > 0 ? chunk.subarray(0, Math.min(chunk.length, padding)) : tail;
      sent += next.length;
      state.read = sent;
      controller.enqueue(next);
    },
  });
  return { stream, state };
}

const chunked = (url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);

async function refusedQuickly(answer: () => Promise<Response>) {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const response = await answer();
  const elapsed = performance.now() - started;
  await response.arrayBuffer();
  return { status: response.status, elapsed, grewMB: (process.memoryUsage().rss - rssBefore) / MB };
}

const anonymous = { db: undefined as unknown as PrismaClient, staff: async () => null, customer: async () => null };

describe("a request body over the limit", () => {
  it("of 100 MB from nobody in particular, without a length (chunked), is refused after reading only up to the limit", async () => {
    for (const send of [
      (body: ReadableStream<Uint8Array>) =>
        handleTrpcRequest(chunked(`${origin}/api/trpc/auth.register`, body, { "content-type": "application/json", origin }), {
          ...anonymous,
          db,
        }),
      (body: ReadableStream<Uint8Array>) =>
        handleApiRequest(db, chunked(`${origin}/api/v1/users`, body, { "content-type": "application/json" })),
      (body: ReadableStream<Uint8Array>) =>
        handleTokenRequest(db, chunked(`${origin}/api/oauth/token`, body, { "content-type": "application/x-www-form-urlencoded" })),
    ]) {
      const { stream, state } = hugeBody(100 * MB);
      const answer = await refusedQuickly(() => send(stream));
      expect(answer.status).toBe(413);
      expect(state.read).toBeLessThanOrEqual(limit + 64 * 1024);
      expect(answer.elapsed).toBeLessThan(2000);
      expect(answer.grewMB).toBeLessThan(50);
    }
  });

  it("that says so in Content-Length is refused without reading any of it", async () => {
    const { stream, state } = hugeBody(100 * MB);
    const request = chunked(`${origin}/api/trpc/auth.register`, stream, {
      "content-type": "application/json",
      "content-length": String(100 * MB),
      origin,
    });
    const answer = await refusedQuickly(() => handleTrpcRequest(request, { ...anonymous, db }));
    expect(answer.status).toBe(413);
    expect(state.read).toBe(0);
  });

  it("from a staff member, a mutation padded to 10 MB, is refused and changes nothing", async () => {
    const user = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const prefix = `{"json":{"id":${user.id},"enabled":false,"padding":"`;
    for (const withLength of [true, false]) {
      const { stream } = hugeBody(10 * MB, prefix, '"}}');
      const headers: Record<string, string> = {
        "content-type": "application/json",
        origin,
        ...(withLength ? { "content-length": String(10 * MB) } : {}),
      };
      const answer = await refusedQuickly(() =>
        handleTrpcRequest(chunked(`${origin}/api/trpc/admin.customerUsers.setEnabled`, stream, headers), {
          db,
          staff: async () => admin,
          customer: async () => null,
        }),
      );
      expect(answer.status).toBe(413);
      expect(answer.elapsed).toBeLessThan(2000);
    }
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: user.id } })).enabled).toBe(true);
  });

  it("says so in each face's own error shape", async () => {
    const trpc = await handleTrpcRequest(chunked(`${origin}/api/trpc/auth.register`, hugeBody(2 * MB).stream, { origin }), {
      ...anonymous,
      db,
    });
    expect((await trpc.json()).error.json.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    const api = await handleApiRequest(db, chunked(`${origin}/api/v1/users`, hugeBody(2 * MB).stream, {}));
    expect((await api.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const token = await handleTokenRequest(
      db,
      chunked(`${origin}/api/oauth/token`, hugeBody(2 * MB).stream, { "content-type": "application/x-www-form-urlencoded" }),
    );
    expect(await token.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe("a request body within the limit", () => {
  it("is served as before (a mutation over HTTP, cookie-authenticated)", async () => {
    const user = await db.customerUser.findUniqueOrThrow({ where: { email: "eddie.buyer@acme.test" } });
    const body = JSON.stringify({ json: { id: user.id, enabled: false } });
    const response = await handleTrpcRequest(
      new Request(`${origin}/api/trpc/admin.customerUsers.setEnabled`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, host: new URL(origin).host },
        body,
      }),
      {
        db,
        staff: async () => admin,
        customer: async () => null,
      },
    );
    expect(response.status).toBe(200);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: user.id } })).enabled).toBe(false);
  });
});

/**
 * The largest value a schema accepts as a person could send it: every text at its length limit in a three-byte
 * character (JSON leaves those as they are), every list full, every number at its largest.
 */
function largest(schema: z.ZodType): unknown {
  const def = defOf(schema);
  const inner = (next: z.ZodType | undefined) => (next ? largest(next) : null);
  const longest = (values: unknown[]) =>
    values.reduce((a, b) => (JSON.stringify(b ?? null).length > JSON.stringify(a ?? null).length ? b : a), null);
  switch (def.type) {
    case "string":
      return "€".repeat(lengthBounds(def).max);
    case "number":
      return numberBounds(def).max;
    case "date":
      return latestMoment;
    case "boolean":
      return true;
    case "enum":
      return longest(Object.values(def.entries ?? {}));
    case "literal":
      return longest(def.values ?? []);
    case "object":
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, field]) => [key, largest(field)]));
    case "array":
      return Array.from({ length: lengthBounds(def).max }, () => inner(def.element));
    case "union":
      return longest((def.options ?? []).map(largest));
    case "pipe":
      return inner(def.in);
    default:
      return inner(def.innerType);
  }
}

describe("the largest input any procedure accepts", () => {
  it("fits the limit with room to spare", () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>);
    const sizes = procedures
      .filter(([, procedure]) => procedure._def.inputs.length)
      .map(([path, procedure]) => ({
        path,
        bytes: Buffer.byteLength(JSON.stringify(superjson.serialize(largest(procedure._def.inputs[0]!)))),
      }))
      .sort((a, b) => b.bytes - a.bytes);
    console.log(
      "[body limit] largest inputs:",
      sizes
        .slice(0, 3)
        .map(({ path, bytes }) => `${path} ${Math.round(bytes / 1024)} KB`)
        .join(", "),
    );
    expect(sizes[0]!.bytes).toBeLessThan(limit / 2);
  });
});

describe("answers to authenticated reads", () => {
  it("are never stored by a browser or a proxy", async () => {
    const query = await handleTrpcRequest(
      new Request(`${origin}/api/trpc/admin.customers.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`),
      {
        db,
        staff: async () => admin,
        customer: async () => null,
      },
    );
    expect(query.status).toBe(200);
    expect(query.headers.get("cache-control")).toBe("no-store");
    const { application, clientSecret } = await callerFor(db, admin).admin.oauthApps.create({
      customerUserId: (await db.customerUser.findUniqueOrThrow({ where: { email: "amanda.admin@acme.test" } })).id,
      name: "Cache check",
    });
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: application.clientId, client_secret: clientSecret });
    const issued = await handleTokenRequest(
      db,
      new Request(`${origin}/api/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      }),
    );
    const { access_token } = await issued.json();
    const me = await handleApiRequest(db, new Request(`${origin}/api/v1/me`, { headers: { authorization: `Bearer ${access_token}` } }));
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
  });
});

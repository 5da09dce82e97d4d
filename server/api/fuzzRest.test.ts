import { beforeAll, describe, expect, it } from "vitest";
import { handleTokenRequest } from "./oauth";
import { handleApiRequest } from "./rest";
import type { Meta } from "./trpc";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { fuzzer, fuzzRuns, fuzzSeed, inputsFor, procedures } from "../test/fuzz";
import { staffCaller } from "../test/principals";

/**
 * Every /api/v1 endpoint with inputs derived from its procedure's zod schema, sent as a client of the REST face
 * sends them (path parameters, the query string, a JSON body), with a valid token of a customer administrator:
 * no input may cost a 5xx. A database of this file's own, so the token stays valid whatever the tRPC fuzz changes.
 */
const origin = "http://roster.test";
const endpoints = procedures.filter(([, procedure]) => procedure._def.meta?.openapi);

let db: PrismaClient;
let token: string;
let emails: string[];
beforeAll(async () => {
  db = await createTestDb();
  const amanda = await db.customerUser.findUniqueOrThrow({ where: { email: "amanda.admin@acme.test" } });
  const { application, clientSecret } = await (
    await staffCaller(db, "admin@roster.test")
  ).admin.oauthApps.create({ customerUserId: amanda.id, name: "Fuzz" });
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: application.clientId, client_secret: clientSecret });
  const issued = await handleTokenRequest(
    db,
    new Request(`${origin}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    }),
  );
  token = (await issued.json()).access_token;
  expect((await handleApiRequest(db, new Request(`${origin}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }))).status).toBe(
    200,
  );
  emails = (await db.customerUser.findMany({ select: { email: true }, take: 10 })).map((user) => user.email);
});
const fuzz = fuzzer();

/** The REST request for an input: path parameters substituted, the rest in the query (GET) or a JSON body. */
function restRequest(openapi: NonNullable<Meta["openapi"]>, input: unknown) {
  const object = input !== null && typeof input === "object" && !Array.isArray(input);
  const fields = object ? { ...(input as Record<string, unknown>) } : {};
  const path = openapi.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = fields[name];
    delete fields[name];
    return encodeURIComponent(String(value));
  });
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (openapi.method === "GET" || openapi.method === "DELETE") {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value])
        if (item !== undefined) query.append(key, item instanceof Date ? item.toISOString() : String(item));
    }
    return new Request(`${origin}/api/v1${path}?${query}`, { method: openapi.method, headers });
  }
  const body = JSON.stringify(object ? fields : (input ?? null));
  return new Request(`${origin}/api/v1${path}`, {
    method: openapi.method,
    headers: { ...headers, "content-type": "application/json" },
    body,
  });
}

describe(`every /api/v1 endpoint, ${fuzzRuns} inputs each (FUZZ_SEED=${fuzzSeed})`, () => {
  it("exist", () => expect(endpoints.length).toBeGreaterThan(0));

  it.each(endpoints)("%s answers no 5xx", async (_path, procedure) => {
    const openapi = procedure._def.meta!.openapi!;
    const { failures, statuses } = await fuzz(inputsFor(procedure, emails), async (input) => {
      const response = await handleApiRequest(db, restRequest(openapi, input));
      await response.arrayBuffer();
      return response.status;
    });
    expect(failures).toEqual([]);
    // The token was accepted every time: the inputs reached the procedure.
    expect(statuses.has(401)).toBe(false);
  });
});

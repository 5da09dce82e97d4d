import { beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import { handleTrpcRequest } from "./http";
import { customerCatalogue, staffCatalogue } from "../authz/permissions";
import type { CustomerPrincipal, StaffPrincipal } from "../authz/access";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { fuzzer, fuzzRuns, fuzzSeed, inputsFor, procedures, type Procedure } from "../test/fuzz";
import { customerPrincipal, staffPrincipal } from "../test/principals";

/**
 * Every procedure of appRouter over /api/trpc, with inputs derived from its own zod schema: no input may cost a
 * 5xx. Each caller holds every permission of its realm at the widest level, so the input reaches the service;
 * mutations change this file's own database. (/api/v1 has a file of its own: fuzzRest.test.ts.)
 */
const origin = "http://roster.test";

let db: PrismaClient;
let staff: StaffPrincipal;
let customer: CustomerPrincipal;
let emails: string[];
beforeAll(async () => {
  db = await createTestDb();
  const admin = await staffPrincipal(db, "admin@roster.test");
  staff = { ...admin, grants: new Map(staffCatalogue.map((info) => [info.key, "ALL"])) };
  const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
  customer = { ...amanda, grants: new Map(customerCatalogue.map((info) => [info.key, info.levels.at(-1)!])) };
  emails = (await db.customerUser.findMany({ select: { email: true }, take: 10 })).map((user) => user.email);
});
const fuzz = fuzzer();

function trpcRequest(path: string, type: string, input: unknown) {
  const payload = JSON.stringify(superjson.serialize(input));
  if (type === "query") return new Request(`${origin}/api/trpc/${path}?input=${encodeURIComponent(payload)}`);
  return new Request(`${origin}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: payload,
  });
}

async function callOverHttp(path: string, procedure: Procedure, input: unknown) {
  const kind = procedure._def.meta?.access?.kind;
  const response = await handleTrpcRequest(trpcRequest(path, procedure._def.type, input), {
    db,
    staff: async () => (kind === "staff" ? staff : null),
    customer: async () => (kind === "customer" ? customer : null),
  });
  await response.arrayBuffer();
  return response.status;
}

describe(`every procedure over /api/trpc, ${fuzzRuns} inputs each (FUZZ_SEED=${fuzzSeed})`, () => {
  it.each(procedures)("%s answers no 5xx", async (path, procedure) => {
    const { failures, statuses } = await fuzz(inputsFor(procedure, emails), (input) => callOverHttp(path, procedure, input));
    expect(failures).toEqual([]);
    // The caller was let in every time: the inputs reached the procedure.
    expect(statuses.has(401)).toBe(false);
  });
});

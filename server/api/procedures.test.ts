import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "./root";
import { createTRPCRouter, publicProcedure, type Meta } from "./trpc";
import { customerPermissionIndex, isCustomerPermission, isStaffPermission } from "../authz/permissions";
import { createTestDb } from "../test/db";
import { callerFor, ctxFor, customerPrincipal, staffPrincipal } from "../test/principals";
import type { PrismaClient } from "../generated/prisma/client";
import type { CustomerPrincipal, StaffPrincipal } from "../authz/access";
import { callPath, outcomeOf, procedureEntries, stoppedAtGate } from "../test/attack";
import { inputVariants } from "../test/walkVariants";

/**
 * The boundary, walked procedure by procedure: every procedure declares what it needs (STYLE rule 2), and the
 * refusals hold for all of them — anonymous is UNAUTHORIZED, the other realm is FORBIDDEN, and a staff member
 * without the permission is FORBIDDEN — before any input is looked at.
 */
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>);

type AnyCaller = Record<string, unknown>;
function invoke(caller: AnyCaller, path: string) {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn({});
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected ${String(error)}`;
  }
}

let db: PrismaClient;
let buyer: CustomerPrincipal;
let admin: StaffPrincipal;
let viewer: StaffPrincipal;
beforeAll(async () => {
  db = await createTestDb();
  buyer = await customerPrincipal(db, "bob.buyer@acme.test");
  admin = await staffPrincipal(db, "admin@roster.test");
  viewer = await staffPrincipal(db, "viewer@roster.test");
});

describe("every procedure of appRouter", () => {
  it("exists", () => expect(procedures.length).toBeGreaterThan(0));

  it.each(procedures)("%s declares a permission from the catalogue or is marked public", (_path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access).toBeDefined();
    if (access!.kind === "staff") expect(access!.permission === "signed-in" || isStaffPermission(access!.permission)).toBe(true);
    if (access!.kind === "customer") expect(access!.permission === "signed-in" || isCustomerPermission(access!.permission)).toBe(true);
  });

  const guarded = procedures.filter(([, p]) => p._def.meta?.access?.kind !== "public");

  it.each(guarded)("%s refuses anonymous callers with UNAUTHORIZED", async (path) => {
    expect(await codeOf(invoke(callerFor(db, null) as unknown as AnyCaller, path))).toBe("UNAUTHORIZED");
  });

  it.each(guarded)("%s refuses the other realm with FORBIDDEN", async (path, procedure) => {
    const other = procedure._def.meta!.access!.kind === "staff" ? buyer : admin;
    expect(await codeOf(invoke(callerFor(db, other) as unknown as AnyCaller, path))).toBe("FORBIDDEN");
  });

  const staffWithPermission = procedures.filter(([, p]) => {
    const access = p._def.meta?.access;
    return access?.kind === "staff" && access.permission !== "signed-in";
  });
  it.each(staffWithPermission)("%s refuses staff without its permission with FORBIDDEN", async (path, procedure) => {
    const access = procedure._def.meta!.access as { permission: string };
    const lacking: StaffPrincipal = { ...viewer, grants: new Map([...viewer.grants].filter(([key]) => key !== access.permission)) };
    expect(await codeOf(invoke(callerFor(db, lacking) as unknown as AnyCaller, path))).toBe("FORBIDDEN");
  });

  const customerWithPermission = procedures.filter(([, p]) => {
    const access = p._def.meta?.access;
    return access?.kind === "customer" && access.permission !== "signed-in";
  });
  it.each(customerWithPermission)("%s refuses customer users whose roles lack it with FORBIDDEN", async (path, procedure) => {
    const access = procedure._def.meta!.access as { permission: string };
    const lacking: CustomerPrincipal = { ...buyer, grants: new Map([...buyer.grants].filter(([key]) => key !== access.permission)) };
    expect(await codeOf(invoke(callerFor(db, lacking) as unknown as AnyCaller, path))).toBe("FORBIDDEN");
  });
});

/** An id nothing has: the positive controls prove the gate lets a holder through, not what the service does next. */
const MISSING = 2_000_000_000;

/**
 * The positive controls: for every guarded procedure, a principal holding only what its gate asks for — that one
 * permission (staff: for all customers; customer users: at its highest level), or nothing for a "signed-in" one —
 * gets past the gate with an input its schema accepts. What follows (NOT_FOUND for the missing ids, a domain
 * refusal, success) is the service's business; a gate asking for more than the procedure declares fails here.
 */
describe("every guarded procedure lets a principal holding only its permission past the gate", () => {
  const guarded = procedureEntries.filter(([, p]) => p._def.meta?.access?.kind !== "public");

  it.each(guarded)("%s", async (path, procedure) => {
    const access = procedure._def.meta!.access as { kind: "staff" | "customer"; permission: string };
    const held = access.permission === "signed-in" ? [] : [access.permission];
    const principal: StaffPrincipal | CustomerPrincipal =
      access.kind === "staff"
        ? { ...viewer, grants: new Map(held.map((permission) => [permission, "ALL"])) as StaffPrincipal["grants"] }
        : {
            ...buyer,
            grants: new Map(
              held.map((permission) => [permission, customerPermissionIndex.get(permission)!.levels.at(-1)!]),
            ) as CustomerPrincipal["grants"],
          };
    const schema = procedure._def.inputs[0] as { safeParse: (value: unknown) => { success: boolean } } | undefined;
    const input = schema ? inputVariants(path, schema, () => MISSING)[0] : undefined;
    if (schema) expect(schema.safeParse(input).success, `the input ${JSON.stringify(input)} is refused by the schema`).toBe(true);

    const outcome = await outcomeOf(callPath(callerFor(db, principal), path, input));
    expect(stoppedAtGate(outcome) ? `${outcome.code}: ${(outcome as { message: string }).message}` : "past the gate").toBe("past the gate");
    expect(outcome.code).not.toMatch(/^(INTERNAL_SERVER_ERROR|unexpected)/);
  });
});

describe("mutations over HTTP", () => {
  const probe = createTRPCRouter({ touch: publicProcedure.mutation(() => "done") });
  const call = (headers: Record<string, string>) =>
    probe.createCaller({ ...ctxFor(db, null, { source: "http", headers, requestOrigin: "http://app.test" }) }).touch();

  it("are refused from another origin", async () => {
    expect(await codeOf(call({ origin: "http://evil.test" }))).toBe("FORBIDDEN");
  });
  it("are refused without any origin information", async () => {
    expect(await codeOf(call({}))).toBe("FORBIDDEN");
  });
  it("pass from the same origin", async () => {
    expect(await call({ origin: "http://app.test" })).toBe("done");
    expect(await call({ "sec-fetch-site": "same-origin" })).toBe("done");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { callerFor, customerPrincipal, staffPrincipal } from "../test/principals";
import { apiCall, apiToken, callPath, editInputOf, procedureEntries } from "../test/attack";
import type { CustomerPrincipal, StaffPrincipal } from "../authz/access";

/**
 * One face never changes another: /api/v1 requests (trpc-to-openapi) leave the zod schemas tRPC parses with as they
 * were, so type-confused input stays refused on every procedure after any REST call.
 */
let db: PrismaClient;
let amanda: CustomerPrincipal;
let admin: StaffPrincipal;
let token: string;
beforeAll(async () => {
  db = await createTestDb();
  amanda = await customerPrincipal(db, "amanda.admin@acme.test");
  admin = await staffPrincipal(db, "admin@roster.test");
  token = await apiToken(db, "amanda.admin@acme.test");
});

type Def = {
  type: string;
  coerce?: boolean;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
};
const defOf = (schema: unknown) => (schema as { _zod?: { def: Def } } | undefined)?._zod?.def;

/** Every `coerce` flag under a procedure's input, by position: what a REST request must leave alone. */
function coerceFlags(schema: unknown, at = "", seen = new Set<unknown>()): string[] {
  const def = defOf(schema);
  if (!def || seen.has(def)) return [];
  seen.add(def);
  const here = def.coerce ? [`${at}:coerce`] : [];
  const children: [string, unknown][] = [
    ...Object.entries(def.shape ?? {}).map(([key, value]): [string, unknown] => [`${at}.${key}`, value]),
    ...(["element", "innerType", "in", "out"] as const).map((key): [string, unknown] => [`${at}/${key}`, def[key]]),
  ];
  return [...here, ...children.flatMap(([path, child]) => coerceFlags(child, path, seen))];
}

/** Top-level fields whose type is a number, under optional/nullable/default wrappers: ids, versions, limits. */
function numberFields(schema: unknown): string[] {
  const unwrap = (value: unknown): Def | undefined => {
    let def = defOf(value);
    while (def && ["optional", "nullable", "default", "prefault"].includes(def.type)) def = defOf(def.innerType);
    return def;
  };
  const def = defOf(schema);
  return Object.entries(def?.shape ?? {})
    .filter(([, field]) => unwrap(field)?.type === "number")
    .map(([key]) => key);
}

const withInput = procedureEntries.filter(([, p]) => p._def.inputs.length > 0);
const flagsOf = () => Object.fromEntries(withInput.map(([path, p]) => [path, coerceFlags(p._def.inputs[0])]));

describe("after /api/v1 requests", () => {
  let before: Record<string, string[]>;
  beforeAll(async () => {
    before = flagsOf();
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const order = await db.order.findFirstOrThrow({ where: { customerUserId: bob.id } });
    const { id, ...edit } = await editInputOf(db, "bob.buyer@acme.test", { firstName: "Robert" });
    // Every route the API serves, with path ids, query numbers and booleans, and JSON bodies.
    const calls: [string, string, unknown?][] = [
      ["GET", "/me"],
      ["GET", "/users?limit=5&enabled=true&confirmed=false"],
      ["GET", `/users/${bob.id}`],
      ["PUT", `/users/${id}`, edit],
      ["POST", "/users", { firstName: "X" }],
      ["GET", "/roles?limit=3&selfManaged=false"],
      ["GET", "/roles/1"],
      ["GET", "/orders?limit=2"],
      ["GET", `/orders/${order.id}`],
      ["GET", "/quotes"],
      ["GET", "/quotes/1"],
      ["GET", "/rfqs"],
      ["GET", "/rfqs/1"],
      ["GET", "/shopping-lists"],
      ["GET", "/shopping-lists/1"],
    ];
    for (const [method, path, body] of calls) await apiCall(db, token, method, path, body);
  });

  it("the input schemas carry the coerce flags they were written with, and no more", () => {
    expect(flagsOf()).toEqual(before);
  });

  const targets = withInput.flatMap(([path, p]) =>
    numberFields(p._def.inputs[0]).map((field): [string, string, string] => [path, field, p._def.meta?.access?.kind ?? "public"]),
  );

  it("covers every procedure taking an id", () => {
    const takingId = withInput.filter(([, p]) => numberFields(p._def.inputs[0]).some((f) => f === "id" || f.endsWith("Id")));
    expect(takingId.length).toBeGreaterThan(60);
    for (const [path] of takingId) expect(targets.map(([p]) => p)).toContain(path);
  });

  it.each(targets)("%s still refuses a type-confused %s", async (path, field, kind) => {
    const caller = callerFor(db, kind === "staff" ? admin : kind === "customer" ? amanda : null);
    for (const value of [true, [3], "3", ""]) {
      const error = await callPath(caller, path, { [field]: value }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${path} took ${JSON.stringify(value)} as ${field}`).toBeInstanceOf(TRPCError);
      const issues = ((error as TRPCError).cause as ZodError | undefined)?.issues ?? [];
      expect(
        issues.some((issue) => issue.path[0] === field),
        `${path} took ${JSON.stringify(value)} as ${field}`,
      ).toBe(true);
    }
  });
});

describe("the REST face itself", () => {
  it("reads path and query text by the schema: numbers, true and false", async () => {
    const disabled = await (await apiCall(db, token, "GET", "/users?limit=100&enabled=false")).json();
    expect(disabled.items.length).toBeGreaterThan(0);
    expect(disabled.items.every((u: { enabled: boolean }) => u.enabled === false)).toBe(true);
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    expect(await (await apiCall(db, token, "GET", `/users/${bob.id}`)).json()).toMatchObject({ id: bob.id, email: bob.email });
    for (const bad of ["/users/abc", "/users/1.5", "/users/true", "/users?limit=ten", "/users?enabled=yes"]) {
      expect([bad, (await apiCall(db, token, "GET", bad)).status]).toEqual([bad, 400]);
    }
  });

  it("takes JSON bodies as typed: a number sent as text is refused", async () => {
    const { id, ...edit } = await editInputOf(db, "bob.buyer@acme.test");
    const response = await apiCall(db, token, "PUT", `/users/${id}`, { ...edit, version: String(edit.version) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fieldErrors).toHaveProperty("version");
  });
});

import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { appRouter } from "../api/root";
import type { Meta } from "../api/trpc";
import { handleTokenRequest } from "../api/oauth";
import { handleApiRequest } from "../api/rest";
import type { UpdateCustomerUserInput } from "../schemas/customerUser";
import { staffCaller } from "./principals";

/**
 * What the boundary tests share: the procedures of appRouter, calling one by its path, the outcome of a call, a
 * digest of the whole database (equal digests: nothing changed), and the /api/v1 face with a real access token.
 */

export type ProcedureNode = { _def: { meta?: Meta; type: "query" | "mutation" | "subscription"; inputs: unknown[] } };
export const procedureEntries = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureNode>);

type AnyCaller = Record<string, unknown>;
export function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

/** "OK" with the result, or the refusal's code; a ZodError cause is "INVALID" (the input never reached the service). */
export type Outcome = { ok: true; code: "OK"; result: unknown } | { ok: false; code: string; message: string };
export async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, code: "OK", result: await promise };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { ok: false, code: `unexpected ${String(error)}`, message: String(error) };
    return { ok: false, code: error.cause instanceof ZodError ? "INVALID" : error.code, message: error.message };
  }
}

/** The builders' own refusals (server/api/trpc.ts): an outcome with one of these stopped at the gate. */
const gateRefusals = [
  /^Please sign in\.$/,
  /^This is only available to (staff|customer users)\.$/,
  /^You need the permission "/,
  /^Your roles do not grant "/,
];
export function stoppedAtGate(outcome: Outcome): boolean {
  return !outcome.ok && (outcome.code === "UNAUTHORIZED" || gateRefusals.some((message) => message.test(outcome.message)));
}

let digestSql: string | undefined;
/** Every table's rows, hashed per table: a refusal must leave every one as it was. */
export async function databaseDigest(db: PrismaClient): Promise<Record<string, string>> {
  if (!digestSql) {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
    digestSql = tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, (SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) FROM "${name}" t) AS digest`,
      )
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string | null }[]>(digestSql);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest ?? ""]));
}

/** The tables whose digest differs between two digests. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}

/** A bearer token acting as the customer user, as an OAuth client of theirs would get it. */
export async function apiToken(db: PrismaClient, email: string): Promise<string> {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
  const { application, clientSecret } = await (
    await staffCaller(db, "admin@roster.test")
  ).admin.oauthApps.create({ customerUserId: user.id, name: "Boundary test" });
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
  return (await response.json()).access_token as string;
}

/** One /api/v1 request with the token; a body goes as JSON. */
export function apiCall(db: PrismaClient, token: string, method: string, path: string, body?: unknown) {
  return handleApiRequest(
    db,
    new Request(`http://roster.test/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** What a user edit form sends for a user as they are now (addresses left out: they stay), with `overrides`. */
export async function editInputOf(
  db: PrismaClient,
  email: string,
  overrides: Partial<UpdateCustomerUserInput> = {},
): Promise<UpdateCustomerUserInput> {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email }, include: { roles: true, websiteSettings: true } });
  return {
    id: user.id,
    version: user.version,
    enabled: user.enabled,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    birthday: "",
    phone: user.phone ?? "",
    customerId: user.customerId,
    websiteId: user.websiteId,
    localizationId:
      user.websiteSettings.find((s) => s.websiteId === user.websiteId)?.localizationId ??
      (await db.localization.findUniqueOrThrow({ where: { code: "en" } })).id,
    roleIds: user.roles.map((r) => r.roleId),
    ...overrides,
  };
}

import type { z } from "zod";
import type { Db, DbClient } from "../db";
import type { StaffPrincipal } from "../authz/access";
import { reachOf } from "../authz/reach";
import { scopeWhere } from "../authz/scope";
import type { Prisma } from "../generated/prisma/client";
import type { LoginResult, LoginSource, Realm } from "../generated/prisma/enums";
import { notFound } from "../errors";
import { loginRealms, loginResults, loginSources, type listLoginAttemptsInput } from "../schemas/loginAttempt";
import { recordAudit } from "./audit/record";
import { cappedCount, keysetWhere, newestFirst, keysetPage } from "./kit/keyset";
import { dayRange, likeLiteral } from "./kit/filters";

/**
 * Sign-in attempts and lockouts for the back office. A staff member limited to the customers they represent sees
 * only attempts and lockouts of those customers' users; attempts on unknown emails, staff accounts and client
 * addresses are for staff who reach all customers.
 */

// The schema's lists must name the enums' values exactly.
const _results: readonly LoginResult[] = loginResults;
const _realms: readonly Realm[] = loginRealms;
const _sources: readonly LoginSource[] = loginSources;

/** Attempts on the account named by `text`: each word in its first name, last name or email (any case). */
function matchedUser(text: string): Prisma.LoginAttemptWhereInput {
  const words = text.split(/\s+/).filter(Boolean);
  const person = (word: string) => [
    { firstName: { contains: likeLiteral(word), mode: "insensitive" as const } },
    { lastName: { contains: likeLiteral(word), mode: "insensitive" as const } },
    { email: { contains: likeLiteral(word.toLowerCase()) } },
  ];
  return { AND: words.map((word) => ({ OR: [{ customerUser: { OR: person(word) } }, { staffUser: { OR: person(word) } }] })) };
}

function attemptsWhere(actor: StaffPrincipal, input: z.output<typeof listLoginAttemptsInput>): Prisma.LoginAttemptWhereInput {
  return {
    AND: [
      scopeWhere(actor, "loginAttempt.view"),
      input.email ? { email: { contains: likeLiteral(input.email) } } : {},
      input.result ? { result: input.result } : {},
      input.realm ? { realm: input.realm } : {},
      input.source ? { source: input.source } : {},
      input.user ? matchedUser(input.user) : {},
      input.ip ? { ip: { startsWith: likeLiteral(input.ip) } } : {},
      input.userAgent ? { userAgent: { contains: likeLiteral(input.userAgent), mode: "insensitive" } } : {},
      { attemptedAt: dayRange(input.from, input.to) },
      input.customerUserId ? { customerUserId: input.customerUserId } : {},
    ],
  };
}

/** One keyset page of attempts, newest first. Reused for one user's attempts on their back-office page. */
export async function listLoginAttempts(db: DbClient, actor: StaffPrincipal, input: z.output<typeof listLoginAttemptsInput>) {
  const where = attemptsWhere(actor, input);
  const rows = await db.loginAttempt.findMany({
    where: { AND: [where, keysetWhere(newestFirst, input.cursor)] },
    select: {
      id: true,
      attemptedAt: true,
      realm: true,
      result: true,
      source: true,
      email: true,
      ip: true,
      userAgent: true,
      customerUser: { select: { id: true, firstName: true, lastName: true, customer: { select: { name: true } } } },
      staffUser: { select: { id: true, firstName: true, lastName: true } },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(rows, input.limit, newestFirst);
}

/** How many attempts match the filters, exact up to a thousand. */
export function countLoginAttempts(db: DbClient, actor: StaffPrincipal, input: z.output<typeof listLoginAttemptsInput>) {
  const where = attemptsWhere(actor, input);
  return cappedCount((take) => db.loginAttempt.count({ where, take }));
}

export type LockKind = "account" | "address-account" | "device" | "password" | "address";

/**
 * Keys written by server/services/identity/signInLimits.ts: login:<realm>:<email> (the account, from new browsers),
 * login:<realm>-ip:<address> <email>, login:<realm>-device:<hash> <email>, login:<realm>-password:<email> and
 * login:ip:<address> (an address, every account). `subject` is the email, or the address for an address's lock.
 */
function parseKey(key: string): { realm: "customer" | "staff" | null; kind: LockKind; subject: string; address: string | null } | null {
  const [, name = "", ...rest] = key.split(":");
  const tail = rest.join(":");
  if (name === "ip") return { realm: null, kind: "address", subject: tail, address: tail };
  const [realm, variant] = name.split("-") as [string, string | undefined];
  if (realm !== "customer" && realm !== "staff") return null;
  if (variant === undefined) return { realm, kind: "account", subject: tail, address: null };
  if (variant === "password") return { realm, kind: "password", subject: tail, address: null };
  const space = tail.indexOf(" ");
  if (space < 0 || (variant !== "ip" && variant !== "device")) return null;
  const email = tail.slice(space + 1);
  return variant === "ip"
    ? { realm, kind: "address-account", subject: email, address: tail.slice(0, space) }
    : { realm, kind: "device", subject: email, address: null };
}

/**
 * Sign-in lockouts in force, each with the account it blocks when there is one. `permission` is the grant whose
 * scope decides what the actor reaches (viewing, or clearing).
 */
export async function listLockouts(
  db: DbClient,
  actor: StaffPrincipal,
  op: "customerUser.viewLockout" | "customerUser.clearLockout",
  key?: string,
) {
  const rows = await db.rateLimit.findMany({
    where: { key: key ?? { startsWith: "login:" }, lockedUntil: { gt: new Date() } },
    select: { key: true, failures: true, lockedUntil: true },
    orderBy: { lockedUntil: "desc" },
    take: 500,
  });
  const parsed = rows.flatMap((row) => {
    const parts = parseKey(row.key);
    return parts ? [{ ...row, ...parts, lockedUntil: row.lockedUntil! }] : [];
  });
  const emails = (realm: "customer" | "staff") => parsed.filter((p) => p.realm === realm).map((p) => p.subject);
  const customers = await db.customerUser.findMany({
    where: { AND: [{ email: { in: emails("customer") } }, scopeWhere(actor, op)] },
    select: { id: true, email: true, firstName: true, lastName: true, customerPath: true, customer: { select: { name: true } } },
  });
  const reachesAll = reachOf(actor, op) === "all";
  const staff = reachesAll
    ? await db.staffUser.findMany({
        where: { email: { in: emails("staff") } },
        select: { id: true, email: true, firstName: true, lastName: true },
      })
    : [];
  return parsed.flatMap((lock) => {
    const customerUser = lock.realm === "customer" ? customers.find((u) => u.email === lock.subject) : undefined;
    const staffUser = lock.realm === "staff" ? staff.find((u) => u.email === lock.subject) : undefined;
    if (!reachesAll && !customerUser) return [];
    return [
      {
        key: lock.key,
        kind: lock.kind,
        realm: lock.realm,
        subject: lock.subject,
        address: lock.address,
        failures: lock.failures,
        lockedUntil: lock.lockedUntil,
        user: customerUser
          ? {
              id: customerUser.id,
              name: `${customerUser.firstName} ${customerUser.lastName}`,
              customer: customerUser.customer.name,
              customerPath: customerUser.customerPath,
            }
          : staffUser
            ? { id: staffUser.id, name: `${staffUser.firstName} ${staffUser.lastName}`, customer: null, customerPath: null }
            : null,
      },
    ];
  });
}

/** Lifts one lockout now (the person called in; the failures were theirs). Recorded in the audit log. */
export async function clearLockout(db: Db, actor: StaffPrincipal, input: { key: string }) {
  return db.$transaction(async (tx) => {
    const [lock] = await listLockouts(tx, actor, "customerUser.clearLockout", input.key);
    if (!lock) throw notFound("Lockout");
    await tx.rateLimit.deleteMany({ where: { key: lock.key } });
    const customerUser = lock.realm === "customer" ? lock.user : null;
    await recordAudit(tx, actor, {
      action: "loginAttempt.clearLockout",
      entityType: customerUser ? "CustomerUser" : "RateLimit",
      entityId: customerUser ? customerUser.id : lock.key,
      customerPath: customerUser?.customerPath ?? null,
      before: { key: lock.key, failures: lock.failures, lockedUntil: lock.lockedUntil.toISOString() },
    });
    return { key: lock.key };
  });
}

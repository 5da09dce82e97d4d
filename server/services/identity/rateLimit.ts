import type { DbClient } from "../../db";

/**
 * Failure counters shared by every app process (rows in RateLimit): a key locks for `lockMinutes` once it gathers
 * `limit` failures within `windowMinutes`. Survives restarts; one atomic statement per failure.
 */
export type RateLimitRule = { limit: number; windowMinutes: number; lockMinutes: number };

export const rules = {
  /** Password sign-in (server/services/identity/signInLimits.ts): an account from browsers it has not seen, all addresses. */
  loginAccount: { limit: 20, windowMinutes: 15, lockMinutes: 15 },
  /** One address against one account. */
  loginAddress: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  /** One address against every account. */
  loginIp: { limit: 100, windowMinutes: 15, lockMinutes: 15 },
  /** A browser that signed in to the account before. */
  loginDevice: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  /** A signed-in user's wrong current passwords (changing email or password). */
  passwordCheck: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  oauthClient: { limit: 20, windowMinutes: 15, lockMinutes: 15 },
  oauthIp: { limit: 100, windowMinutes: 15, lockMinutes: 15 },
  /** Public forms that send email (forgot password, resend confirmation, register). */
  emailSend: { limit: 5, windowMinutes: 60, lockMinutes: 60 },
  /** The same forms per client address, whatever email they name (one address mailing many people). */
  emailSendIp: { limit: 50, windowMinutes: 60, lockMinutes: 60 },
  /** "Someone tried to register with your email": at most one such email per account a day. */
  registrationNotice: { limit: 1, windowMinutes: 24 * 60, lockMinutes: 24 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The time a key stays locked until, or null when it is not locked. */
export async function lockedUntil(db: DbClient, keys: string[]): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db.rateLimit.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true },
  });
  const until = rows.map((row) => row.lockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** Counts one failure against `key`; returns the lock end when this failure (or an earlier one) locked it. */
export async function registerFailure(db: DbClient, key: string, rule: RateLimitRule): Promise<Date | null> {
  const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "RateLimit" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, now(), CASE WHEN ${rule.limit}::int <= 1 THEN now() + make_interval(mins => ${rule.lockMinutes}::int) END, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(mins => ${rule.windowMinutes}::int)
                        THEN 1 ELSE "RateLimit"."failures" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(mins => ${rule.windowMinutes}::int)
                           THEN now() ELSE "RateLimit"."windowStart" END,
      "lockedUntil" = CASE
        WHEN "RateLimit"."windowStart" >= now() - make_interval(mins => ${rule.windowMinutes}::int)
             AND "RateLimit"."failures" + 1 >= ${rule.limit}::int
        THEN now() + make_interval(mins => ${rule.lockMinutes}::int)
        ELSE "RateLimit"."lockedUntil" END,
      "updatedAt" = now()
    RETURNING "lockedUntil"`;
  const until = rows[0]?.lockedUntil;
  return until && until.getTime() > Date.now() ? until : null;
}

/** Counts one use and says whether it is still allowed (for actions limited even when they succeed). */
export async function consume(db: DbClient, key: string, rule: RateLimitRule): Promise<boolean> {
  if (await lockedUntil(db, [key])) return false;
  await registerFailure(db, key, rule);
  return true;
}

export async function clear(db: DbClient, keys: string[]) {
  await db.rateLimit.deleteMany({ where: { key: { in: keys } } });
}

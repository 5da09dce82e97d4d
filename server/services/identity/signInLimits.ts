import type { DbClient } from "../../db";
import { likeLiteral } from "../kit/filters";
import { clear, registerFailure, rules, type RateLimitRule } from "./rateLimit";
import { deviceHash, type SessionRealm } from "./sessions";
import type { Hold } from "../../schemas/identity";

/**
 * What holds a password sign-in back after failures, so that guessing is stopped where it comes from and the owner
 * can still get in (the device-cookie scheme OWASP describes, with per-address counting as identity products do):
 * - a browser that signed in to the account before (a known device: its device cookie is on one of the account's
 *   sessions) counts its failures on its own and is held alone; no address or account hold stops it;
 * - any other browser counts against its address for this account (held after 10), its address for every account
 *   (held after 100), and the account from unknown browsers (held after 20, which takes more than one address):
 *   then only a known device, or a sign-in link emailed to the owner, gets in.
 * Keys are rows in RateLimit; the back office lists and clears them (server/services/loginAttempts.ts).
 */

export const accountLockKey = (realm: SessionRealm, email: string) => `login:${realm}:${email}`;
export const ipLockKey = (ip: string) => `login:ip:${ip}`;
export const addressLockKey = (realm: SessionRealm, ip: string, email: string) => `login:${realm}-ip:${ip} ${email}`;
export const deviceLockKey = (realm: SessionRealm, hash: string, email: string) => `login:${realm}-device:${hash} ${email}`;
/** A signed-in user confirming their password (changing email or password): never holds their sign-in. */
export const passwordCheckKey = (realm: SessionRealm, email: string) => `login:${realm}-password:${email}`;

type Counter = { key: string; rule: RateLimitRule; hold: Hold };

/** The counters one attempt is judged and counted by; `userId` null for an email without an account. */
export async function signInLimits(
  db: DbClient,
  realm: SessionRealm,
  email: string,
  request: { ip: string | null; device?: string | null },
  userId: number | null,
) {
  const hash = request.device ? deviceHash(request.device) : null;
  // Asked for emails without an account too (of nobody), so a device cookie tells nothing about existence.
  const owner = realm === "staff" ? { staffUserId: userId ?? 0 } : { customerUserId: userId ?? 0 };
  const known = hash !== null && (await db.userSession.count({ where: { ...owner, deviceHash: hash } })) > 0;
  const counters: Counter[] = known
    ? [{ key: deviceLockKey(realm, hash, email), rule: rules.loginDevice, hold: "device-held" }]
    : [
        { key: accountLockKey(realm, email), rule: rules.loginAccount, hold: "account-held" },
        ...(request.ip
          ? [
              { key: addressLockKey(realm, request.ip, email), rule: rules.loginAddress, hold: "address-held" as const },
              { key: ipLockKey(request.ip), rule: rules.loginIp, hold: "address-held" as const },
            ]
          : []),
      ];
  const firstHold = (keys: string[]) => counters.find((counter) => keys.includes(counter.key))?.hold ?? null;
  return {
    known,
    /** The hold this attempt meets, the account's before the address's. */
    async held(): Promise<Hold | null> {
      const rows = await db.rateLimit.findMany({
        where: { key: { in: counters.map((c) => c.key) }, lockedUntil: { gt: new Date() } },
        select: { key: true },
      });
      return firstHold(rows.map((row) => row.key));
    },
    /** Counts a failure everywhere it counts; the hold it brought about, if any. */
    async fail(): Promise<Hold | null> {
      const locks = await Promise.all(counters.map((c) => registerFailure(db, c.key, c.rule)));
      return firstHold(counters.filter((_, i) => locks[i]).map((c) => c.key));
    },
    /** The owner got in from here: this address's (or device's) count for the account starts over; the rest stays. */
    succeed() {
      return clear(
        db,
        counters.filter((c) => c.rule === rules.loginAddress || c.rule === rules.loginDevice).map((c) => c.key),
      );
    },
  };
}

/** Lifts every hold on one account (its owner proved the address by a link): account, addresses, devices, checks. */
export async function clearAccountHolds(db: DbClient, realm: SessionRealm, email: string) {
  const suffix = ` ${likeLiteral(email)}`;
  await db.rateLimit.deleteMany({
    where: {
      OR: [
        { key: { in: [accountLockKey(realm, email), passwordCheckKey(realm, email)] } },
        { key: { startsWith: `login:${realm}-ip:`, endsWith: suffix } },
        { key: { startsWith: `login:${realm}-device:`, endsWith: suffix } },
      ],
    },
  });
}

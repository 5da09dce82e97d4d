import { createHash } from "node:crypto";
import type { DbClient } from "../../db";

/**
 * Sessions: one row per signed-in browser, named in its session cookie (the JWT's `sid`) and read by the per-request
 * session check. Signing out ends that row, so a copy of the cookie stops working at once; the user's other browsers
 * stay signed in. Ending every session of a user (a password change, "sign out everywhere", disabling) moves their
 * sessionVersion, which every cookie also carries.
 */
export type SessionRealm = "staff" | "customer";

/** How long a session cookie lasts: the cookie's own expiry, never extended. */
export const sessionLifetimeSeconds: Record<SessionRealm, number> = { staff: 12 * 60 * 60, customer: 7 * 24 * 60 * 60 };

/** Rows of sessions that ended this long ago are forgotten at the user's next sign-in (they also remember devices). */
const FORGET_AFTER_DAYS = 90;

export type SessionRequest = { ip: string | null; userAgent: string | null; device?: string | null };

export const deviceHash = (device: string) => createHash("sha256").update(device).digest("hex");

function owner(realm: SessionRealm, userId: number) {
  return realm === "staff" ? { staffUserId: userId } : { customerUserId: userId };
}

/** Opens a session for a user who just proved who they are; its id goes into the session cookie. */
export async function openSession(db: DbClient, realm: SessionRealm, userId: number, request: SessionRequest) {
  const now = Date.now();
  const forgotten = new Date(now - FORGET_AFTER_DAYS * 86_400_000);
  await db.userSession.deleteMany({
    where: { ...owner(realm, userId), OR: [{ expiresAt: { lt: forgotten } }, { endedAt: { lt: forgotten } }] },
  });
  const session = await db.userSession.create({
    data: {
      realm: realm === "staff" ? "STAFF" : "CUSTOMER",
      ...owner(realm, userId),
      deviceHash: request.device ? deviceHash(request.device) : null,
      ip: request.ip?.slice(0, 64),
      userAgent: request.userAgent?.slice(0, 512),
      expiresAt: new Date(now + sessionLifetimeSeconds[realm] * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

/** Ends one session (signing out): its cookie, wherever a copy of it is, no longer signs anyone in. */
export async function endSession(db: DbClient, realm: SessionRealm, sessionId: number) {
  await db.userSession.updateMany({
    where: { id: sessionId, realm: realm === "staff" ? "STAFF" : "CUSTOMER", endedAt: null },
    data: { endedAt: new Date() },
  });
}

/** Ends every session of a user, in every browser ("sign out everywhere"). */
export async function endAllSessions(db: DbClient, realm: SessionRealm, userId: number) {
  const bump = { sessionVersion: { increment: 1 } };
  if (realm === "staff") await db.staffUser.update({ where: { id: userId }, data: bump });
  else await db.customerUser.update({ where: { id: userId }, data: bump });
  await db.userSession.updateMany({ where: { ...owner(realm, userId), endedAt: null }, data: { endedAt: new Date() } });
}

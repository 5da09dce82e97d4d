import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { cookieName, secure, type RealmName } from "./realm";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * This browser's device id in a realm: a random value in a long-lived cookie, made on first use. Recorded (hashed)
 * on each session it opens, it is how the sign-in limits recognise a browser the account signed in from before
 * (server/services/identity/signInLimits.ts). It proves nothing by itself and opens nothing.
 */
export async function browserDevice(realm: RealmName): Promise<string> {
  const jar = await cookies();
  const name = cookieName(realm, "device", true);
  const current = jar.get(name)?.value;
  const device = current && /^[\w-]{43}$/.test(current) ? current : randomBytes(32).toString("base64url");
  jar.set(name, device, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: YEAR_SECONDS });
  return device;
}

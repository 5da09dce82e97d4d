import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified when the account does not exist or has no password, so a miss costs as much time as a hit.
const decoyHash = "$argon2id$v=19$m=19456,t=2,p=1$EiEehPLeEZD6r6+WHdu1iA$9kRJSzKTy78VGgru5kOIWDlH7Fz/qp7mqhHIaQDTJ4Q";

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? decoyHash, password);
    return ok && !!storedHash;
  } catch {
    return false;
  }
}

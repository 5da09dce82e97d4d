import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signInMessages, unavailableMessage } from "./messages";
import type { SignInRefusal } from "../schemas/identity";
import { browserDevice } from "./device";
import type { RealmName } from "./realm";

export type SignInState = { error?: string; email?: string; reason?: SignInRefusal };

/**
 * Runs a realm's credentials sign-in and turns a refusal into the message to show. A refusal is a
 * CredentialsSignin with our code; any other AuthError (the database is down, ...) is not "wrong password".
 */
export async function attemptSignIn(
  signIn: (provider: string, options: Record<string, unknown>) => Promise<unknown>,
  realm: RealmName,
  form: FormData,
): Promise<SignInState | null> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const device = await browserDevice(realm);
  try {
    await signIn("credentials", { email, password, device, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const reason = error.code in signInMessages ? (error.code as SignInRefusal) : "invalid";
      return { error: signInMessages[reason], email, reason };
    }
    if (error instanceof AuthError) {
      console.error("[auth] sign-in failed", error);
      return { error: unavailableMessage, email };
    }
    throw error;
  }
}

/**
 * Signs in with a one-time ticket the server just issued (see issueSignInTicket). False when it was refused or
 * failed: the caller then sends the user to the sign-in page instead.
 */
export async function signInWithTicket(
  signIn: (provider: string, options: Record<string, unknown>) => Promise<unknown>,
  ticket: string,
  provider: "ticket" | "impersonation" = "ticket",
): Promise<boolean> {
  // An email link's ticket makes this browser a known device; a staff member's browser is not the user's.
  const device = provider === "ticket" ? { device: await browserDevice("customer") } : {};
  try {
    await signIn(provider, { ticket, ...device, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) {
      if (!(error instanceof CredentialsSignin)) console.error("[auth] ticket sign-in failed", error);
      return false;
    }
    throw error;
  }
}

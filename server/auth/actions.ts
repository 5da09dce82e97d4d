import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signInMessages, unavailableMessage } from "./messages";
import type { SignInRefusal } from "../services/signIn";

export type SignInState = { error?: string; email?: string };

/**
 * Runs a realm's credentials sign-in and turns a refusal into the message to show. A refusal is a
 * CredentialsSignin with our code; any other AuthError (the database is down, ...) is not "wrong password".
 */
export async function attemptSignIn(
  signIn: (provider: string, options: Record<string, unknown>) => Promise<unknown>,
  form: FormData,
): Promise<SignInState | null> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const message = signInMessages[error.code as SignInRefusal] ?? signInMessages.invalid;
      return { error: message, email };
    }
    if (error instanceof AuthError) {
      console.error("[auth] sign-in failed", error);
      return { error: unavailableMessage, email };
    }
    throw error;
  }
}

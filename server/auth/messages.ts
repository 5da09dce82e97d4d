import type { SessionEnd } from "../authz/access";
import type { SignInRefusal } from "../schemas/identity";

/** What the sign-in page says. "invalid" is the same whether or not the email exists. */
export const signInMessages: Record<SignInRefusal, string> = {
  invalid: "The email or password is not correct.",
  "account-held":
    "This account is held after many failed sign-in attempts from other devices: it signs in only from a browser that has signed in to it before.",
  "address-held":
    "Too many failed sign-in attempts came from your network address, so sign-in from it is paused for 15 minutes. The account itself is not locked: a browser that has signed in to it before still gets in.",
  "device-held": "Too many failed attempts from this browser: sign-in from it is paused for 15 minutes.",
  disabled: "This account is disabled. Please contact your administrator.",
  unconfirmed: "Please confirm your email address first: follow the link in the email we sent you.",
  "password-reset": "Your password has to be reset. Use the link in the email we sent you, or ask for a new one.",
  "customer-disabled": "Your company's account is disabled. Please contact us.",
};

export const sessionEndMessages: Record<SessionEnd, string> = {
  revoked: "Your session has ended. Please sign in again.",
  disabled: "Your account has been disabled, so you were signed out.",
  "customer-disabled": "Your company's account has been disabled, so you were signed out.",
  "password-reset": "Your password has to be reset, so you were signed out. Check your email for the link.",
  "impersonation-ended": "The session you opened as this customer user has ended.",
};

/** Said on the sign-in page after a step that sends people there (?notice=...). */
export const signInNotices: Record<string, string> = {
  confirmed: "Your email address is confirmed. You can sign in now.",
  "password-changed": "Your password has been changed. Sign in with your new password.",
  "email-changed": "Your email address has been changed. Sign in with your new address.",
  "signed-out-everywhere": "You are signed out on every device.",
};

/** The back office's sign-in page after a step that sends people there. */
export const staffSignInNotices: Record<string, string> = {
  "password-set": "Your password is saved. Sign in with your email and the new password.",
  "signed-out-everywhere": "You are signed out on every device.",
};

export const unavailableMessage = "Sign-in is unavailable right now. Please try again in a moment.";

export function isSessionEnd(value: unknown): value is SessionEnd {
  return typeof value === "string" && value in sessionEndMessages;
}

/** Only same-site relative paths are followed after sign-in. */
export function safeNextPath(value: unknown, fallback: string, prefix: string): string {
  return typeof value === "string" && value.startsWith(prefix) && !value.startsWith("//") ? value : fallback;
}

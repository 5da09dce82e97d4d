import { z } from "zod";
import { cursor } from "./grid";
import { day as isoDay, exactText, id, pageSize, text } from "./common";

/** The values of the LoginResult and Realm enums (schemas import nothing from the server; a service checks they agree). */
export const loginResults = [
  "SUCCESS",
  "BAD_CREDENTIALS",
  "LOCKED_OUT",
  "DISABLED",
  "UNCONFIRMED",
  "PASSWORD_RESET",
  "CUSTOMER_DISABLED",
  "ERROR",
] as const;
export const loginRealms = ["CUSTOMER", "STAFF"] as const;
export const loginSources = ["PASSWORD", "IMPERSONATION", "OAUTH", "EMAIL_LINK"] as const;

export const loginSourceLabels: Record<(typeof loginSources)[number], string> = {
  PASSWORD: "Password",
  IMPERSONATION: "Impersonation",
  OAUTH: "OAuth",
  EMAIL_LINK: "Email link",
};

export const loginResultLabels: Record<(typeof loginResults)[number], string> = {
  SUCCESS: "Signed in",
  BAD_CREDENTIALS: "Wrong email or password",
  LOCKED_OUT: "Locked out",
  DISABLED: "Account disabled",
  UNCONFIRMED: "Email not confirmed",
  PASSWORD_RESET: "Password reset required",
  CUSTOMER_DISABLED: "Company disabled",
  ERROR: "Error",
};

const day = isoDay();

export const listLoginAttemptsInput = z
  .object({
    /** Keyset cursor: the id of the last row of the previous page as text (newest first). */
    cursor,
    limit: pageSize,
    email: text(254).toLowerCase().optional(),
    result: z.enum(loginResults).optional(),
    realm: z.enum(loginRealms).optional(),
    source: z.enum(loginSources).optional(),
    /** The account the attempt matched, by name or email (contains, any case; every word must match). */
    user: text(200).optional(),
    /** The client address, or its start ("10.40."). */
    ip: text(64).optional(),
    /** Part of the browser's user agent (any case). */
    userAgent: text(200).optional(),
    /** Inclusive days (UTC). */
    from: day.optional(),
    to: day.optional(),
    /** One customer user's attempts (their page in the back office). */
    customerUserId: id.optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });
export type ListLoginAttemptsInput = z.input<typeof listLoginAttemptsInput>;

export const clearLockoutInput = z.object({ key: exactText(400).min(1) });

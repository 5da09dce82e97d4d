import type { DbClient } from "../../db";
import type { TokenPurpose } from "../../generated/prisma/enums";
import { appLink, enqueueEmail, localeOfCustomerUser, secretLink } from "../../email/outbox";
import { issueCustomerToken } from "./tokens";

export type LinkRecipient = { id: number; email: string; firstName: string; lastName: string; websiteId: number | null };

/**
 * An email whose button is a one-time link (confirm the address, choose a password): issues the token (voiding
 * older ones of its purpose) and writes the message in the user's language, inside the caller's transaction.
 */
export async function sendLinkEmail(
  tx: DbClient,
  user: LinkRecipient,
  link: { purpose: TokenPurpose; template: "confirmation" | "passwordReset" | "forcedPasswordReset"; path: string },
) {
  const { raw, hours } = await issueCustomerToken(tx, link.purpose, user);
  await enqueueEmail(tx, {
    template: link.template,
    locale: await localeOfCustomerUser(tx, user),
    to: user.email,
    toName: `${user.firstName} ${user.lastName}`,
    props: { firstName: user.firstName, link: secretLink(link.path), hours },
    secret: raw,
    customerUserId: user.id,
  });
}

/**
 * The welcome email of an account someone else set up. It never carries a password: with `setPassword` its button
 * is a single-use link to choose one (SET_PASSWORD, which also confirms the address); otherwise it links to sign-in.
 */
export async function sendWelcomeEmail(tx: DbClient, user: LinkRecipient, options: { setPassword: boolean }) {
  const token = options.setPassword ? await issueCustomerToken(tx, "SET_PASSWORD", user) : null;
  await enqueueEmail(tx, {
    template: "welcome",
    locale: await localeOfCustomerUser(tx, user),
    to: user.email,
    toName: `${user.firstName} ${user.lastName}`,
    props: {
      firstName: user.firstName,
      loginUrl: appLink("/login"),
      setPasswordLink: token ? secretLink("/reset-password") : null,
      hours: token?.hours ?? 0,
    },
    secret: token?.raw,
    customerUserId: user.id,
  });
}

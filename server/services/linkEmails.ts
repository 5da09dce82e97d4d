import type { DbClient } from "../db";
import type { TokenPurpose } from "../generated/prisma/enums";
import { enqueueEmail, localeOfCustomerUser, secretLink } from "../email/outbox";
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

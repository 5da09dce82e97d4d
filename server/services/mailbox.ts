import type { DbClient } from "../db";
import { notFound } from "../errors";
import { withSecret } from "../email/outbox";
import { likeLiteral } from "./kit/filters";
import { keysetPage, keysetWhere, newestFirst } from "./kit/keyset";

/** The development mailbox: the outbox as staff read it, newest first. */
export async function listMailbox(db: DbClient, input: { cursor?: string; limit: number; to?: string; customerUserId?: number }) {
  const rows = await db.emailMessage.findMany({
    where: {
      ...keysetWhere(newestFirst, input.cursor),
      ...(input.to ? { toEmail: { contains: likeLiteral(input.to.toLowerCase()) } } : {}),
      // One customer user's messages (their page's communication), whichever address they were sent to.
      ...(input.customerUserId ? { customerUserId: input.customerUserId } : {}),
    },
    select: { id: true, toEmail: true, subject: true, template: true, locale: true, status: true, createdAt: true, sentAt: true },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(rows, input.limit, newestFirst);
}

/**
 * One message as it was (or will be) delivered: while it waits in the outbox its one-time link is live, which is
 * what makes the mailbox usable in development; after delivery the token is gone from the database.
 */
export async function getMailboxMessage(db: DbClient, id: number) {
  const message = await db.emailMessage.findUnique({
    where: { id },
    select: {
      id: true,
      toEmail: true,
      toName: true,
      subject: true,
      html: true,
      text: true,
      secret: true,
      template: true,
      locale: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  if (!message) throw notFound("Message");
  const { secret, ...rest } = message;
  return { ...rest, html: withSecret(message.html, secret), text: withSecret(message.text, secret) };
}

import type { PrismaClient } from "../generated/prisma/client";

/** The newest outbox message to `to` (of `template`, when given), or null. */
export function lastEmail(db: PrismaClient, to: string, template?: string) {
  return db.emailMessage.findFirst({ where: { toEmail: to, ...(template ? { template } : {}) }, orderBy: { id: "desc" } });
}

/** The one-time token of the newest message to `to` of `template`: what the recipient's link carries. */
export async function tokenFromEmail(db: PrismaClient, to: string, template: string) {
  const message = await lastEmail(db, to, template);
  if (!message?.secret) throw new Error(`No ${template} email with a link to ${to}`);
  return message.secret;
}

/** The consents registration and invitation acceptance insist on: what a person accepting a link must tick. */
export async function mandatoryConsentIds(db: PrismaClient) {
  return (await db.consent.findMany({ where: { mandatory: true }, select: { id: true } })).map((consent) => consent.id);
}

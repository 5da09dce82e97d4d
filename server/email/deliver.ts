import { Resend } from "resend";
import type { Db } from "../db";
import { env } from "../env";
import { withSecret } from "./outbox";

/**
 * Delivery of the outbox. Rows are claimed with SKIP LOCKED so several app processes never send one twice; each
 * send carries the row's idempotency key, so a crash between sending and marking cannot duplicate it either.
 * Failures retry with exponential backoff; after MAX_ATTEMPTS the row is FAILED and stays visible.
 */
export type Transport = {
  send(message: {
    from: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
};

export const MAX_ATTEMPTS = 8;

export function resendTransport(apiKey: string, baseUrl?: string): Transport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    async send(message) {
      const { data, error } = await client.emails.send(
        { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
        { idempotencyKey: message.idempotencyKey },
      );
      if (error || !data) throw new Error(error?.message ?? "Resend returned no message id");
      return { id: data.id };
    },
  };
}

/** The configured transport, or null: without RESEND_API_KEY messages stay in the outbox (development mailbox). */
export function configuredTransport(): Transport | null {
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL) : null;
}

export function backoffSeconds(attempts: number) {
  return Math.min(30 * 2 ** (attempts - 1), 6 * 60 * 60);
}

type Claimed = { id: number; toEmail: string; subject: string; html: string; text: string; secret: string | null; idempotencyKey: string; attempts: number };

export async function deliverDue(db: Db, transport: Transport, batch = 20): Promise<{ sent: number; failed: number }> {
  // SENDING rows older than 10 minutes belong to a process that died mid-send: claim them again.
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EmailMessage" SET "status" = 'SENDING', "attempts" = "attempts" + 1, "nextAttemptAt" = now() + interval '10 minutes'
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE ("status" = 'QUEUED' OR "status" = 'SENDING') AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toEmail", "subject", "html", "text", "secret", "idempotencyKey", "attempts"`;
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    try {
      const { id } = await transport.send({
        from: env.EMAIL_FROM,
        to: row.toEmail,
        subject: row.subject,
        html: withSecret(row.html, row.secret),
        text: withSecret(row.text, row.secret),
        idempotencyKey: row.idempotencyKey,
      });
      await db.emailMessage.update({
        where: { id: row.id },
        data: { status: "SENT", sentAt: new Date(), providerMessageId: id, secret: null, lastError: null },
      });
      sent++;
    } catch (error) {
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await db.emailMessage.update({
        where: { id: row.id },
        data: {
          status: giveUp ? "FAILED" : "QUEUED",
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
          ...(giveUp ? { secret: null } : {}),
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}

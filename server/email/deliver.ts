import { Resend } from "resend";
import type { Db } from "../db";
import { env } from "../env";
import { withSecret } from "./outbox";

/**
 * Delivery of the outbox. A process claims due rows (SKIP LOCKED, so processes never claim one twice) for a lease,
 * sends each with a timeout, and records the outcome only while its claim still stands. Every send of a row
 * carries the row's idempotency key, so a retry after a timeout, a crash or a lost claim never makes the provider
 * send it twice. Failures retry with exponential backoff; after MAX_ATTEMPTS the row is FAILED and stays visible.
 */
export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
};

export type Transport = {
  /** Sends one message; gives up when `signal` aborts. */
  send(message: OutgoingEmail, options?: { signal?: AbortSignal }): Promise<{ id: string }>;
};

export const MAX_ATTEMPTS = 8;

/** Sends at once per process: a provider that hangs on one message holds up only its own slot. */
export const SEND_CONCURRENCY = 4;

export type DeliveryTiming = {
  /** How long one send may take. */
  timeoutMs: number;
  /** How long a claim lasts: longer than a send and its bookkeeping, after which a dead process's rows are due again. */
  leaseSeconds: number;
};

export function configuredTiming(): DeliveryTiming {
  return { timeoutMs: env.EMAIL_SEND_TIMEOUT_SECONDS * 1000, leaseSeconds: Math.ceil(env.EMAIL_SEND_TIMEOUT_SECONDS) + 20 };
}

export function resendTransport(apiKey: string, baseUrl?: string): Transport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    async send(message, options = {}) {
      const { data, error } = await client.emails.send(
        { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
        { idempotencyKey: message.idempotencyKey, signal: options.signal },
      );
      // The SDK reports an aborted request as "unable to fetch"; say what happened.
      if (options.signal?.aborted) throw new Error("The email provider did not answer in time.");
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

/** A claimed row. `attempts`, raised by the claim, tells this claim from any later one of the same row. */
export type Claimed = {
  id: number;
  toEmail: string;
  subject: string;
  html: string;
  text: string;
  secret: string | null;
  idempotencyKey: string;
  attempts: number;
};

/** Claims up to `limit` due rows until the lease ends; SENDING rows whose lease ended belong to a process that died. */
export function claimDue(db: Db, limit: number, leaseSeconds: number) {
  return db.$queryRaw<Claimed[]>`
    UPDATE "EmailMessage" SET "status" = 'SENDING', "attempts" = "attempts" + 1, "nextAttemptAt" = now() + make_interval(secs => ${leaseSeconds})
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE ("status" = 'QUEUED' OR "status" = 'SENDING') AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toEmail", "subject", "html", "text", "secret", "idempotencyKey", "attempts"`;
}

export type Outcome = "sent" | "failed" | "lost";

/**
 * Sends one claimed row and records the outcome, unless its claim ended meanwhile ("lost": another process has
 * claimed it since, and its send carries the same idempotency key).
 */
export async function deliverClaimed(db: Db, transport: Transport, row: Claimed, timeoutMs: number): Promise<Outcome> {
  const ours = { id: row.id, status: "SENDING", attempts: row.attempts } as const;
  try {
    const { id } = await transport.send(
      {
        from: env.EMAIL_FROM,
        to: row.toEmail,
        subject: row.subject,
        html: withSecret(row.html, row.secret),
        text: withSecret(row.text, row.secret),
        idempotencyKey: row.idempotencyKey,
      },
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    const marked = await db.emailMessage.updateMany({
      where: ours,
      data: { status: "SENT", sentAt: new Date(), providerMessageId: id, secret: null, lastError: null },
    });
    return marked.count ? "sent" : "lost";
  } catch (error) {
    const giveUp = row.attempts >= MAX_ATTEMPTS;
    const marked = await db.emailMessage.updateMany({
      where: ours,
      data: {
        status: giveUp ? "FAILED" : "QUEUED",
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        nextAttemptAt: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
        ...(giveUp ? { secret: null } : {}),
      },
    });
    return marked.count ? "failed" : "lost";
  }
}

/** One delivery run: claims up to `batch` due rows and sends them, SEND_CONCURRENCY at a time. */
export async function deliverDue(db: Db, transport: Transport, options: { batch?: number; timing?: DeliveryTiming } = {}) {
  const timing = options.timing ?? configuredTiming();
  const rows = await claimDue(db, options.batch ?? 20, timing.leaseSeconds);
  const outcomes: Outcome[] = [];
  const next = async (): Promise<void> => {
    const row = rows.shift();
    if (!row) return;
    outcomes.push(await deliverClaimed(db, transport, row, timing.timeoutMs));
    return next();
  };
  await Promise.all(Array.from({ length: SEND_CONCURRENCY }, next));
  const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
  return { sent: count("sent"), failed: count("failed") };
}

/**
 * The server's delivery loop: each tick claims as many rows as there are free send slots and sends them without
 * waiting for each other; a freed slot asks for more at once. A hung send holds one slot for at most the timeout.
 */
export function outboxPump(db: Db, transport: Transport, timing: DeliveryTiming = configuredTiming()) {
  let sending = 0;
  let claiming: Promise<void> | null = null;
  /** A slot freed while a claim was out: claim again when it is back. */
  let again = false;
  const claim = async () => {
    const rows = await claimDue(db, SEND_CONCURRENCY - sending, timing.leaseSeconds);
    for (const row of rows) {
      sending++;
      void deliverClaimed(db, transport, row, timing.timeoutMs)
        .catch((error) => console.error("[outbox] recording a delivery failed", error))
        .finally(() => {
          sending--;
          void tick();
        });
    }
  };
  const tick = (): Promise<void> => {
    if (claiming) {
      again = true;
      return claiming;
    }
    if (sending >= SEND_CONCURRENCY) return Promise.resolve();
    again = false;
    claiming = claim()
      .catch((error) => console.error("[outbox] claiming due emails failed", error))
      .finally(() => {
        claiming = null;
        if (again) void tick();
      });
    return claiming;
  };
  return { tick, sending: () => sending };
}

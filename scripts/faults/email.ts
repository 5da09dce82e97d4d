import type { PrismaClient } from "../../server/generated/prisma/client";
import { enqueueEmail } from "../../server/email/outbox";
import type { Behaviour, startFakeResend } from "../../server/test/fakeResend";
import type { BuiltServer } from "./server";

/**
 * Email faults against the running server's own outbox worker and the fake provider: a provider that hangs on one
 * request, and a server killed (kill -9) in the middle of delivering. Counted at the provider: a message it never
 * sent is lost, one it sent twice is duplicated.
 */
export type FakeProvider = Awaited<ReturnType<typeof startFakeResend>>;
export type ProviderControl = { behave: (request: number, key: string) => Behaviour; delayMs: number };

async function enqueue(db: PrismaClient, tag: string, count: number) {
  const messages: { to: string; subject: string }[] = [];
  for (let i = 0; i < count; i++) {
    const to = `${tag}-${i}@faults.test`;
    const row = await enqueueEmail(db, {
      template: "emailChangeNotice",
      locale: "en",
      to,
      props: { firstName: `N${i}`, newEmail: "new@faults.test" },
    });
    messages.push({ to, subject: (await db.emailMessage.findUniqueOrThrow({ where: { id: row.id }, select: { subject: true } })).subject });
  }
  return messages;
}

/** Polls until `done` or the deadline; returns the seconds it took, or null when the deadline passed. */
async function within(seconds: number, done: () => Promise<boolean>) {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if (await done()) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

function count(fake: FakeProvider, messages: { to: string; subject: string }[]) {
  const copies = messages.map((m) => fake.copiesOf(m.to, m.subject));
  return { lost: copies.filter((n) => n === 0).length, duplicated: copies.filter((n) => n > 1).length };
}

export async function hungProvider(db: PrismaClient, fake: FakeProvider, control: ProviderControl, waitSeconds: number) {
  let hung = false;
  control.behave = () => (hung ? "answer" : ((hung = true), "hang"));
  const messages = await enqueue(db, "hang", 20);
  const others = await within(
    waitSeconds,
    async () => messages.filter((m) => fake.copiesOf(m.to, m.subject) > 0).length >= messages.length - 1,
  );
  // The hung one: timed out, then sent again after its backoff with the same key (the provider replays it).
  const all = await within(
    waitSeconds,
    async () =>
      (await db.emailMessage.count({ where: { toEmail: { in: messages.map((m) => m.to) }, status: "SENT" } })) === messages.length,
  );
  control.behave = () => "answer";
  return {
    ...count(fake, messages),
    sent: messages.length,
    lines: [
      `20 emails, the provider hangs on the first request: the other 19 ${others === null ? "NOT all delivered" : `delivered in ${others.toFixed(1)} s`}; ` +
        `all marked sent ${all === null ? `NOT within ${waitSeconds} s` : `after ${(others! + all).toFixed(1)} s`}`,
    ],
  };
}

export async function crashDuringDelivery(
  db: PrismaClient,
  fake: FakeProvider,
  control: ProviderControl,
  server: BuiltServer,
  waitSeconds: number,
) {
  control.delayMs = 300;
  const messages = await enqueue(db, "crash", 40);
  const delivered = () => messages.filter((m) => fake.copiesOf(m.to, m.subject) > 0).length;
  await within(waitSeconds, async () => delivered() >= 8);
  await server.kill9();
  const atCrash = {
    delivered: delivered(),
    claimed: await db.emailMessage.count({ where: { toEmail: { in: messages.map((m) => m.to) }, status: "SENDING" } }),
  };
  control.delayMs = 0;
  await server.start();
  const all = await within(
    waitSeconds,
    async () =>
      (await db.emailMessage.count({ where: { toEmail: { in: messages.map((m) => m.to) }, status: "SENT" } })) === messages.length,
  );
  return {
    ...count(fake, messages),
    sent: messages.length,
    lines: [
      `40 emails, kill -9 after ${atCrash.delivered} reached the provider (${atCrash.claimed} claimed by the dead process): ` +
        `${all === null ? `NOT all marked sent within ${waitSeconds} s of the restart` : `all marked sent ${all.toFixed(1)} s after the restart`}`,
    ],
  };
}

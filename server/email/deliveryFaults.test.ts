import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { startFakeResend, type Behaviour } from "../test/fakeResend";
import { enqueueEmail } from "./outbox";
import { claimDue, configuredTiming, deliverClaimed, deliverDue, outboxPump, resendTransport, type DeliveryTiming } from "./deliver";

/**
 * Delivery when the provider or the process misbehaves, against a Resend-compatible server on loopback (Resend's
 * own SDK on the wire): every message reaches the provider's outbox exactly once and none is left behind.
 */
let db: PrismaClient;
let closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  db = await createTestDb();
  await db.emailMessage.deleteMany();
});
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  await db.emailMessage.deleteMany();
});

const quick: DeliveryTiming = { timeoutMs: 3_000, leaseSeconds: 30 };

async function provider(behave?: (request: number, key: string) => Behaviour) {
  const fake = await startFakeResend({ behave });
  closers.push(fake.close);
  return { fake, transport: resendTransport("re_fake_key", fake.url) };
}

async function enqueue(count: number, tag: string) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = await enqueueEmail(db, {
      template: "emailChangeNotice",
      locale: "en",
      to: `${tag}-${i}@x.test`,
      props: { firstName: `N${i}`, newEmail: "new@x.test" },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Makes every unsent row due now, as the passing of its backoff or lease would. */
const timePasses = () =>
  db.emailMessage.updateMany({ where: { status: { in: ["QUEUED", "SENDING"] } }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

/** Per message: how many times the provider sent it. Lost ones show 0, duplicates 2 or more. */
async function copiesAtProvider(fake: Awaited<ReturnType<typeof startFakeResend>>, ids: number[]) {
  const rows = await db.emailMessage.findMany({
    where: { id: { in: ids } },
    select: { toEmail: true, subject: true, status: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => `${fake.copiesOf(row.toEmail, row.subject)} ${row.status}`);
}

describe("delivery through a misbehaving provider", () => {
  it("a hung request times out without holding up the others, and is sent once when retried with the same key", async () => {
    const { fake, transport } = await provider((request) => (request === 1 ? "hang" : "answer"));
    const ids = await enqueue(10, "hang");
    const pump = outboxPump(db, transport, { timeoutMs: 4_000, leaseSeconds: 30 });
    await pump.tick();
    await expect.poll(() => db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } }), { timeout: 10_000 }).toBe(9);
    // The other nine went out while the first request still hung.
    expect(await db.emailMessage.count({ where: { id: { in: ids }, status: "SENDING" } })).toBe(1);
    await expect.poll(() => pump.sending(), { timeout: 10_000 }).toBe(0);
    const hung = await db.emailMessage.findFirstOrThrow({ where: { id: { in: ids }, status: { not: "SENT" } } });
    expect(hung).toMatchObject({ status: "QUEUED", lastError: "The email provider did not answer in time." });

    await timePasses();
    await pump.tick();
    await expect.poll(() => db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } }), { timeout: 10_000 }).toBe(10);
    expect(await copiesAtProvider(fake, ids)).toEqual(Array(10).fill("1 SENT"));
    expect(fake.stats.replays).toBe(1);
  });

  it("claims left by a process that died mid-delivery are sent once by another after the lease", async () => {
    const { fake, transport } = await provider();
    const ids = await enqueue(5, "crash");
    // The dead process: claimed five, got two to the provider, died before recording anything.
    const claimed = await claimDue(db, 5, quick.leaseSeconds);
    for (const row of claimed.slice(0, 2))
      await transport.send({
        from: "a@x.test",
        to: row.toEmail,
        subject: row.subject,
        html: row.html,
        text: row.text,
        idempotencyKey: row.idempotencyKey,
      });
    expect(await deliverDue(db, transport, { timing: quick })).toEqual({ sent: 0, failed: 0 });

    await timePasses();
    expect(await deliverDue(db, transport, { timing: quick })).toEqual({ sent: 5, failed: 0 });
    expect(await copiesAtProvider(fake, ids)).toEqual(Array(5).fill("1 SENT"));
    // The dead process's claim is void: were it to come back, it would record nothing over the new outcome.
    expect(await deliverClaimed(db, transport, claimed[2]!, quick.timeoutMs)).toBe("lost");
    expect(await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(5);
  });

  it("a claim lasts under a minute with the configured timeout, so a dead process's rows are due again within one", async () => {
    const [id] = await enqueue(1, "lease");
    const timing = configuredTiming();
    expect(timing.leaseSeconds * 1000).toBeGreaterThan(timing.timeoutMs);
    await claimDue(db, 1, timing.leaseSeconds);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row.status).toBe("SENDING");
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeLessThan(60_000);
  });

  it("a provider failing every other request gets every message out once, with retries", async () => {
    const { fake, transport } = await provider((request) => (request % 2 ? "fail" : "answer"));
    const ids = await enqueue(12, "flaky");
    for (let run = 0; run < 8 && (await db.emailMessage.count({ where: { id: { in: ids }, status: { not: "SENT" } } })); run++) {
      await deliverDue(db, transport, { timing: quick });
      await timePasses();
    }
    expect(await copiesAtProvider(fake, ids)).toEqual(Array(12).fill("1 SENT"));
    expect(fake.stats.failures).toBeGreaterThan(0);
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { enqueueEmail, secretLink } from "./outbox";
import { deliverDue, MAX_ATTEMPTS, resendTransport, type Transport } from "./deliver";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
  await db.emailMessage.deleteMany();
});

function recordingTransport(fail: (attempt: number) => boolean = () => false) {
  const sent: Parameters<Transport["send"]>[0][] = [];
  let calls = 0;
  const transport: Transport = {
    async send(message) {
      calls++;
      if (fail(calls)) throw new Error("provider unavailable");
      sent.push(message);
      return { id: `msg-${calls}` };
    },
  };
  return { transport, sent };
}

const reset = (to: string, secret = "secret-token") =>
  enqueueEmail(db, {
    template: "passwordReset",
    locale: "en",
    to,
    props: { firstName: "Bob", link: secretLink("/reset-password"), hours: 24 },
    secret,
  });

describe("the outbox", () => {
  it("is written in the caller's transaction: a rolled-back change leaves no email", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, {
          template: "emailChangeNotice",
          locale: "en",
          to: "rollback@x.test",
          props: { firstName: "A", newEmail: "b@x.test" },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.emailMessage.count({ where: { toEmail: "rollback@x.test" } })).toBe(0);
  });

  it("delivers with the token in place and the idempotency key, then forgets the token", async () => {
    const { id } = await reset("deliver@x.test", "tok-live");
    const { transport, sent } = recordingTransport();
    expect(await deliverDue(db, transport)).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]!.html).toContain("/reset-password?token=tok-live");
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(sent[0]!.idempotencyKey).toBe(row.idempotencyKey);
    expect(row).toMatchObject({ status: "SENT", secret: null, providerMessageId: "msg-1", attempts: 1 });
    expect(await deliverDue(db, transport)).toEqual({ sent: 0, failed: 0 });
  });

  it("retries a failed delivery later with growing delays, and gives up after the last attempt", async () => {
    const { id } = await reset("flaky@x.test");
    const { transport } = recordingTransport(() => true);
    await deliverDue(db, transport);
    const first = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(first).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "provider unavailable" });
    expect(first.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await deliverDue(db, transport)).toEqual({ sent: 0, failed: 0 });

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await db.emailMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      await deliverDue(db, transport);
    }
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
      secret: null,
    });
  });

  it("claims a row once even when two deliveries run at the same time", async () => {
    await reset("race@x.test");
    const { transport, sent } = recordingTransport();
    await Promise.all([deliverDue(db, transport), deliverDue(db, transport)]);
    expect(sent.filter((m) => m.to === "race@x.test")).toHaveLength(1);
  });
});

describe("the Resend transport", () => {
  const requests: { path: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "re_123" }));
    });
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the message with the API key and the idempotency key", async () => {
    const port = (server.address() as AddressInfo).port;
    const transport = resendTransport("re_test_key", `http://127.0.0.1:${port}`);
    const result = await transport.send({
      from: "Roster <a@x.test>",
      to: "b@x.test",
      subject: "Hi",
      html: "<p>Hi</p>",
      text: "Hi",
      idempotencyKey: "key-1",
    });
    expect(result).toEqual({ id: "re_123" });
    expect(requests[0]!.path).toBe("/emails");
    expect(requests[0]!.headers.authorization).toBe("Bearer re_test_key");
    expect(requests[0]!.headers["idempotency-key"]).toBe("key-1");
    expect(requests[0]!.body).toMatchObject({ from: "Roster <a@x.test>", to: "b@x.test", subject: "Hi", html: "<p>Hi</p>", text: "Hi" });
  });
});

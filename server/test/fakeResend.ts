import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Resend-compatible email API on loopback, for tests and the fault tool: POST /emails with a Bearer key and an
 * Idempotency-Key, answered as Resend does. A key seen before is not sent again (its first answer is replayed); a
 * key still in flight is refused with 409. `behave` decides each new request's fate by its number (from 1):
 * "answer" sends it; "fail" answers 500 without sending; "hang" sends it and never answers (the answer lost on
 * the way, the hardest case for exactly-once). `delayMs` slows every answer.
 */
export type Behaviour = "answer" | "fail" | "hang";

export type Delivery = { id: string; key: string; to: string; subject: string; at: number };

export async function startFakeResend(
  options: { behave?: (request: number, key: string) => Behaviour; delayMs?: number; port?: number } = {},
) {
  const delivered = new Map<string, Delivery>();
  const inFlight = new Set<string>();
  const stats = { requests: 0, replays: 0, failures: 0, hangs: 0, refusedInFlight: 0 };
  let next = 0;

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", async () => {
      const answer = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== "POST" || req.url !== "/emails") return answer(404, { name: "not_found", message: "Not found", statusCode: 404 });
      if (!req.headers.authorization?.startsWith("Bearer "))
        return answer(401, { name: "missing_api_key", message: "Missing API key", statusCode: 401 });
      const key = String(req.headers["idempotency-key"] ?? "");
      stats.requests++;
      if (key && inFlight.has(key)) {
        stats.refusedInFlight++;
        return answer(409, { name: "concurrent_idempotent_requests", message: "Same idempotency key in flight", statusCode: 409 });
      }
      const earlier = key ? delivered.get(key) : undefined;
      if (earlier) {
        stats.replays++;
        return answer(200, { id: earlier.id });
      }
      if (key) inFlight.add(key);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      inFlight.delete(key);
      const fate = options.behave?.(++next, key) ?? "answer";
      if (fate === "fail") {
        stats.failures++;
        return answer(500, { name: "internal_server_error", message: "Provider failure", statusCode: 500 });
      }
      const message = JSON.parse(body) as { to: string | string[]; subject: string };
      const delivery = {
        id: `fake_${delivered.size + 1}`,
        key: key || `no-key-${next}`,
        to: String(message.to),
        subject: message.subject,
        at: Date.now(),
      };
      delivered.set(delivery.key, delivery);
      if (fate === "hang") {
        // Sent, but the answer never comes; the connection stays open until the server closes.
        stats.hangs++;
        return;
      }
      answer(200, { id: delivery.id });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    stats,
    /** Deliveries per recipient and subject: more than one for the same message would be a duplicate. */
    copiesOf: (to: string, subject: string) => [...delivered.values()].filter((d) => d.to === to && d.subject === subject).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

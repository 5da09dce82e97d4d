import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { configuredTransport, outboxPump } from "./deliver";

/** Delivers the outbox every few seconds inside the server process; a no-op without an email provider. */
export function startOutboxWorker() {
  const transport = configuredTransport();
  if (!transport) {
    console.log("[outbox] No RESEND_API_KEY: emails stay in the outbox; read them at /admin/mailbox.");
    return;
  }
  const pump = outboxPump(getDb(), transport);
  setInterval(() => void pump.tick(), env.OUTBOX_INTERVAL_SECONDS * 1000).unref();
}

/** Runs once per server process: starts outbox delivery when an email provider is configured. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxWorker } = await import("./server/email/worker");
  startOutboxWorker();
}

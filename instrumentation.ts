/**
 * Runs once per server process, as it takes its first request: from then on vets where each request comes from
 * (see server/clientAddress.ts), and starts outbox delivery when an email provider is configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { compileTrust, installClientAddressHook } = await import("./server/clientAddress");
  const { env } = await import("./server/env");
  installClientAddressHook(compileTrust(env.TRUSTED_PROXIES));
  const { startOutboxWorker } = await import("./server/email/worker");
  startOutboxWorker();
}

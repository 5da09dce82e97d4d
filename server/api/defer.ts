import "server-only";
import { after } from "next/server";

/** Context.defer on the server: the work runs once the response is sent; a failure is logged, never lost silently. */
export function afterResponse(work: () => Promise<unknown>): Promise<void> {
  after(() => work().catch((error) => console.error("[after response] failed", error)));
  return Promise.resolve();
}

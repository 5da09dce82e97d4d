import "server-only";
import { redirect } from "next/navigation";
import { pathHeader } from "./http";

/**
 * A page cannot set its own status code (Next.js answers a failed render with 500), so a page that finds the
 * database busy or unreachable sends the visitor to /unavailable, which answers 503 with Retry-After and leads
 * back to the page. Synchronous: it runs inside the caller's onError, which tRPC does not await.
 */
export function toUnavailablePage(requestHeaders: Headers): never {
  const path = requestHeaders.get(pathHeader);
  redirect(path ? `/unavailable?next=${encodeURIComponent(path)}` : "/unavailable");
}

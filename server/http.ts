/** The request header proxy.ts puts a page's path and query in, for pages that must point back to themselves. */
export const pathHeader = "x-roster-path";

/** The client's address as the proxy in front of us reports it (first hop of X-Forwarded-For), if any. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

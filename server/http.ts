import { CLIENT_ADDRESS_HEADER } from "./clientAddress";
import { env } from "./env";

export { CLIENT_ADDRESS_HEADER };

/** The request header proxy.ts puts a page's path and query in, for pages that must point back to themselves. */
export const pathHeader = "x-roster-path";

/*
 * What a request says about where it came from, as vetted by server/clientAddress.ts before Next reads it: the
 * client's address from the socket (or from a trusted proxy), and forwarded headers only when a trusted proxy sent
 * them. A client's own copy of CLIENT_ADDRESS_HEADER is removed there, so its presence marks a vetted request.
 */

/** The client's address, or null for a request that was not vetted (none reach the app once the server runs). */
export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}

const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * The origin the browser used for this request: its Host (or a trusted proxy's X-Forwarded-Host) and its scheme
 * (the socket's, or a trusted proxy's X-Forwarded-Proto). Unvetted requests believe no forwarded header.
 */
export function browserOrigin(headers: Headers): string | null {
  const vetted = headers.has(CLIENT_ADDRESS_HEADER);
  const host = (vetted ? firstValue(headers.get("x-forwarded-host")) : null) ?? headers.get("host");
  if (!host) return null;
  const scheme = (vetted ? firstValue(headers.get("x-forwarded-proto")) : null) ?? new URL(env.APP_URL).protocol.slice(0, -1);
  return `${scheme}://${host}`;
}

import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

/**
 * Where a request came from, decided from the socket before Next sees the request. Next's server only fills in
 * X-Forwarded-For (and -Host, -Proto, -Port) when the request lacks them, so under `next start` a client that sends
 * its own X-Forwarded-For hides its socket address from the app entirely. Node announces every request on the
 * `http.server.request.start` diagnostics channel, with its socket, before the server's request handler runs:
 * there the forwarded headers of a peer that is not a trusted proxy are removed (Next then sets them from the socket
 * and the Host header itself), and the client's address goes into CLIENT_ADDRESS_HEADER. The hook is installed by
 * instrumentation.ts, which Next runs as the process takes its first request: that request goes unvetted, and
 * counts under no address (clientIp is null) rather than under one the client wrote.
 */

/** Set on every request from the socket (and trusted proxies); a client's own copy is removed first. */
export const CLIENT_ADDRESS_HEADER = "x-roster-client-address";

export type Trust = (address: string, hop: number) => boolean;

/**
 * TRUSTED_PROXIES: empty trusts no one; a number trusts that many hops nearest to the server; otherwise addresses,
 * CIDR ranges and the names loopback, linklocal and uniquelocal, comma-separated (proxy-addr's notation).
 */
export function compileTrust(setting: string): Trust {
  const value = setting.trim();
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

const forwardedHeaders = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** An IPv4 client of a dual-stack socket appears as ::ffff:a.b.c.d; it is the same client as a.b.c.d. */
function plain(address: string) {
  return address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1");
}

/** Rewrites the request's headers in place (see above). */
export function vetRequest(request: IncomingMessage, trust: Trust) {
  const { headers } = request;
  delete headers[CLIENT_ADDRESS_HEADER];
  const peer = request.socket.remoteAddress;
  if (!peer) return;
  if (!trust(plain(peer), 0)) for (const name of forwardedHeaders) delete headers[name];
  const client = plain(proxyaddr(request, (address, hop) => trust(plain(address), hop)));
  // A trusted proxy forwards real addresses; anything else in its list is not one to count failures under.
  headers[CLIENT_ADDRESS_HEADER] = isIP(client) ? client : plain(peer);
}

const installed = Symbol.for("roster.clientAddressHook");

/** Vets every request this process serves from now on; returns the uninstaller (for tests). Installs once. */
export function installClientAddressHook(trust: Trust): () => void {
  const registry = globalThis as { [installed]?: () => void };
  if (registry[installed]) return registry[installed];
  const listener = (message: unknown) => vetRequest((message as { request: IncomingMessage }).request, trust);
  diagnostics.subscribe("http.server.request.start", listener);
  return (registry[installed] = () => {
    diagnostics.unsubscribe("http.server.request.start", listener);
    delete registry[installed];
  });
}

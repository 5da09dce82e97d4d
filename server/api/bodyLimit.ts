import { env } from "../env";

/**
 * Request bodies of the API faces (/api/trpc, /api/v1, /api/oauth/token) are read here, at most REQUEST_BODY_LIMIT
 * bytes of them, before anything parses them. A declared Content-Length over the limit is refused unread; a body
 * without one (chunked) is read until it passes the limit and the rest is never read. The largest request the UI
 * sends is a fraction of the default (see bodyLimit.test.ts), so only a broken or hostile client meets it.
 */
export type Limited = { ok: true; request: Request } | { ok: false; limit: number };

export async function withinBodyLimit(req: Request, limit = env.REQUEST_BODY_LIMIT): Promise<Limited> {
  if (!req.body) return { ok: true, request: req };
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) {
    await req.body.cancel().catch(() => undefined);
    return { ok: false, limit };
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, limit };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, request: new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal }) };
}

/** What a refusal says, in each face's own error shape. */
export const tooLargeMessage = (limit: number) => `The request body is larger than the ${Math.round(limit / 1024)} KB this server accepts.`;

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { retryAfterSeconds } from "../errors";
import { tooLargeMessage, withinBodyLimit } from "./bodyLimit";
import { appRouter } from "./root";
import { httpContext, type Context } from "./trpc";

/** Where a request's sessions come from: the cookies (app/api/trpc) or a test's principals. */
export type SessionSources = Pick<Context, "db" | "staff" | "customer"> & { defer?: Context["defer"] };

/** Outside Next's request scope (tests), deferred work runs before the answer. */
const runNow: Context["defer"] = async (work) => void (await work());

/** A refused body in tRPC's error envelope (superjson's `json` wrapper), so the client reads it like any error. */
function payloadTooLarge(limit: number) {
  const error = { message: tooLargeMessage(limit), code: -32413, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } };
  return Response.json({ error: { json: error } }, { status: 413, headers: { "Cache-Control": "no-store", Connection: "close" } });
}

/**
 * /api/trpc: one tRPC request over HTTP, cookie-authenticated (so mutations must come from our own pages). The
 * body is bounded before tRPC parses it. Answers are never stored by a browser or a proxy (they are one person's
 * data, read with their cookies), and a busy or unreachable database is a 503 with Retry-After.
 */
export async function handleTrpcRequest(req: Request, sources: SessionSources): Promise<Response> {
  const limited = await withinBodyLimit(req);
  if (!limited.ok) return payloadTooLarge(limited.limit);
  const request = limited.request;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => httpContext(request, { ...sources, defer: sources.defer ?? runNow }),
    responseMeta: ({ errors }) => {
      const headers = new Headers({ "Cache-Control": "no-store" });
      if (errors.some((error) => error.code === "SERVICE_UNAVAILABLE")) headers.set("Retry-After", String(retryAfterSeconds));
      return { headers };
    },
  });
}

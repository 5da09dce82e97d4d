import type { AnyRouter, TRPCError } from "@trpc/server";
import { createOpenApiFetchHandler, generateOpenApiDocument } from "trpc-to-openapi";
import type { Db } from "../db";
import { env } from "../env";
import { AppError, fromPrismaError, retryAfterSeconds, type FieldErrors } from "../errors";
import { shapeError } from "./errorShape";
import type { Context } from "./trpc";
import { authenticateAccessToken } from "../services/oauth/accessTokens";
import { tooLargeMessage, withinBodyLimit } from "./bodyLimit";
import { appRouter } from "./root";
import { restRouter } from "./restFace";

/**
 * /api/v1 — the customer-user API: the account procedures marked `openapi`, called with the principal of the
 * OAuth access token. The same procedures and permission checks as the app: no second authorization path.
 * Errors have one shape: { error: { code, message, fieldErrors? } } with the tRPC layer's codes. Bodies are bounded
 * before anything parses them; answers are never stored by a cache; a busy or unreachable database is a 503 with
 * Retry-After.
 */
export const API_PREFIX = "/api/v1";

function errorBody(code: string, message: string, fieldErrors?: FieldErrors) {
  return { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

const noStore = { "Cache-Control": "no-store" };

function errorResponse(status: number, body: ReturnType<typeof errorBody>, headers: Record<string, string> = {}) {
  return Response.json(body, {
    status,
    headers: { ...noStore, ...(status === 503 ? { "Retry-After": String(retryAfterSeconds) } : {}), ...headers },
  });
}

export async function handleApiRequest(db: Db, req: Request): Promise<Response> {
  const limited = await withinBodyLimit(req);
  if (!limited.ok) return errorResponse(413, errorBody("PAYLOAD_TOO_LARGE", tooLargeMessage(limited.limit)), { Connection: "close" });
  try {
    return await answer(db, limited.request);
  } catch (error) {
    // Outside the procedures (the token check): only an unreachable database is expected here.
    const cause = fromPrismaError(error);
    if (cause instanceof AppError && cause.code === "SERVICE_UNAVAILABLE") return errorResponse(503, errorBody(cause.code, cause.message));
    throw error;
  }
}

async function answer(db: Db, req: Request): Promise<Response> {
  const header = req.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const principal = token ? await authenticateAccessToken(db, token) : null;
  if (!principal) {
    return errorResponse(
      401,
      errorBody(
        "UNAUTHORIZED",
        token ? "The access token is invalid or has expired." : "Send an access token: Authorization: Bearer <token>.",
      ),
      {
        "WWW-Authenticate": token ? 'Bearer realm="roster", error="invalid_token"' : 'Bearer realm="roster"',
      },
    );
  }
  // Never appRouter itself: the handler rewrites the input schemas it is given (see restFace.ts).
  return serveOpenApi(restRouter, req, {
    db,
    source: "api" as const,
    headers: req.headers,
    requestOrigin: null,
    // No public form is served here; nothing to answer alike for.
    defer: async (work) => void (await work()),
    staff: async () => null,
    customer: async () => principal,
  });
}

/** Answers `req` from `router`'s openapi procedures, a failure in the one error shape (errorShape.ts) with its status. */
export async function serveOpenApi(router: AnyRouter, req: Request, context: Context): Promise<Response> {
  let failure: TRPCError | undefined;
  const response = await createOpenApiFetchHandler({
    endpoint: API_PREFIX,
    router,
    req,
    createContext: () => context,
    onError: ({ error }) => {
      failure = error;
    },
  });
  if (response.ok) {
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  if (!failure) {
    // The handler's own refusals (no such route, wrong method) carry no TRPCError.
    const status = response.status;
    return errorResponse(
      status,
      errorBody(status === 404 ? "NOT_FOUND" : "BAD_REQUEST", status === 404 ? "No such endpoint." : "The request was not understood."),
    );
  }
  const { status, code, message, fieldErrors } = shapeError(failure, "api");
  return errorResponse(status, errorBody(code, message, fieldErrors));
}

let document: ReturnType<typeof generateOpenApiDocument> | undefined;

/** The OpenAPI 3.1 document, generated once from the procedures' zod schemas. */
export function openApiDocument() {
  return (document ??= generateOpenApiDocument(appRouter, {
    title: "Roster customer-user API",
    description:
      "Acts as the customer user an OAuth application belongs to, with that user's permissions. Get a token with the client credentials grant at POST /api/oauth/token.",
    version: "1.0.0",
    baseUrl: `${env.APP_URL}${API_PREFIX}`,
  }));
}

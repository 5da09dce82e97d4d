import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import type { Db } from "../db";
import { env } from "../env";
import { browserOrigin } from "../http";
import { AppError, fromPrismaError } from "../errors";
import { shapeError } from "./errorShape";
import type { CustomerPrincipal, SessionEnd, StaffPrincipal } from "../authz/access";
import { customerPermissionIndex, staffPermissionIndex, type CustomerPermission, type StaffPermission } from "../authz/permissions";

type Loaded<P> = P | { ended: SessionEnd } | null;

export type Context = {
  db: Db;
  /**
   * "server": the in-process caller (server components, tests); "http": a cookie-authenticated request to
   * /api/trpc; "api": a bearer-token request to /api/v1 (no ambient credentials, so no same-origin check).
   */
  source: "http" | "server" | "api";
  headers: Headers;
  /** The origin the browser used (server/http.ts browserOrigin), for the same-origin check on mutations. */
  requestOrigin: string | null;
  /**
   * Runs work after the answer is sent (Next's after(); in tests, before the call returns). For the public forms
   * whose work depends on whether an email has an account (server/services/identity/publicRequests.ts).
   */
  defer: (work: () => Promise<unknown>) => Promise<void>;
  /** Lazily loaded, once per request: a procedure of one realm never pays for the other's session. */
  staff: () => Promise<Loaded<StaffPrincipal>>;
  customer: () => Promise<Loaded<CustomerPrincipal>>;
};

/** The context of a request to /api/trpc: cookie-authenticated, so mutations are checked to come from our pages. */
export function httpContext(req: Request, parts: Pick<Context, "db" | "defer" | "staff" | "customer">): Context {
  // Next reports req.url on its own idea of the host; the same-origin check needs the one the browser used.
  return { ...parts, source: "http", headers: req.headers, requestOrigin: browserOrigin(req.headers) };
}

/** Every procedure declares what it needs; a test walks appRouter and fails on a procedure without it. */
export type ProcedureAccess =
  | { kind: "public" }
  | { kind: "staff"; permission: StaffPermission | typeof SIGNED_IN }
  | { kind: "customer"; permission: CustomerPermission | typeof SIGNED_IN };
/** `access` is set by the builders below (never by hand); `openapi` exposes a procedure at /api/v1. */
export type Meta = OpenApiMeta<{ access?: ProcedureAccess }>;

/** For procedures about one's own session (who am I, my permissions): a session, no particular permission. */
export const SIGNED_IN = "signed-in" as const;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const { stack: _stack, ...data } = shape.data;
      const { code, status, message, fieldErrors } = shapeError(error, ctx?.source === "api" ? "api" : "trpc");
      return { ...shape, code: TRPC_ERROR_CODES_BY_KEY[code], message, data: { ...data, code, httpStatus: status, fieldErrors } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain refusals and the Prisma errors a user can cause keep their code on the TRPCError itself, for in-process
 * callers (a page turning NOT_FOUND into a 404) and the response headers; errorShape.ts reads the cause the same way.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = fromPrismaError(result.error.cause);
    if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

/**
 * Why a mutation is not from one of our own pages, or null when it is: its Origin is the origin the browser used
 * for this request (or APP_URL). Said so that whoever runs Roster sees what to fix.
 */
export function crossSiteRefusal(ctx: Pick<Context, "headers" | "requestOrigin">): string | null {
  const origin = ctx.headers.get("origin");
  const appOrigin = new URL(env.APP_URL).origin;
  if (origin) {
    if (origin === ctx.requestOrigin || origin === appOrigin) return null;
    return (
      `Cross-site request refused: it was sent from a page at ${origin}, but this request reached Roster as ` +
      `${ctx.requestOrigin ?? "an unknown origin"} (APP_URL is ${appOrigin}). If a proxy in front of Roster changes ` +
      `the host name or the scheme, list it in TRUSTED_PROXIES.`
    );
  }
  if (ctx.headers.get("sec-fetch-site") === "same-origin") return null;
  return "Cross-site request refused: the browser did not say which page sent it (no Origin header).";
}

/** Cookie-authenticated mutations must come from our own pages (CSRF defence in depth beyond SameSite=Lax). */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  const refusal = ctx.source === "http" && type === "mutation" ? crossSiteRefusal(ctx) : null;
  if (refusal) throw new TRPCError({ code: "FORBIDDEN", message: refusal });
  return next();
});

const base = t.procedure.use(sameOrigin).use(mapErrors);

function active<P extends object>(loaded: Loaded<P>): P | null {
  return loaded === null || "ended" in loaded ? null : loaded;
}

export const publicProcedure = base.meta({ access: { kind: "public" } });

/** A staff member holding `permission`; customer sessions are FORBIDDEN, no session is UNAUTHORIZED. */
export function staffProcedure(permission: StaffPermission | typeof SIGNED_IN) {
  return base.meta({ access: { kind: "staff", permission } }).use(async ({ ctx, next }) => {
    const actor = active(await ctx.staff());
    if (!actor) {
      const other = active(await ctx.customer());
      throw other
        ? new TRPCError({ code: "FORBIDDEN", message: "This is only available to staff." })
        : new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    }
    if (permission !== SIGNED_IN && !actor.grants.has(permission)) {
      const label = staffPermissionIndex.get(permission)?.label ?? permission;
      throw new TRPCError({ code: "FORBIDDEN", message: `You need the permission "${label}".` });
    }
    return next({ ctx: { ...ctx, actor } });
  });
}

/** A customer user whose roles grant `permission` at some level above None. */
export function customerProcedure(permission: CustomerPermission | typeof SIGNED_IN) {
  return base.meta({ access: { kind: "customer", permission } }).use(async ({ ctx, next }) => {
    const actor = active(await ctx.customer());
    if (!actor) {
      const other = active(await ctx.staff());
      throw other
        ? new TRPCError({ code: "FORBIDDEN", message: "This is only available to customer users." })
        : new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    }
    if (permission !== SIGNED_IN && !actor.grants.has(permission)) {
      const label = customerPermissionIndex.get(permission)?.label ?? permission;
      throw new TRPCError({ code: "FORBIDDEN", message: `Your roles do not grant "${label}".` });
    }
    return next({ ctx: { ...ctx, actor } });
  });
}

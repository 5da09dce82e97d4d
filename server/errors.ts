import { Prisma } from "./generated/prisma/client";

/** Error codes mean one thing each (STYLE rule 6). */
export type AppErrorCode =
  | "BAD_REQUEST" // a domain rule refused the input
  | "UNAUTHORIZED" // no session
  | "FORBIDDEN" // signed in, lacking the permission
  | "NOT_FOUND" // not there, or not yours
  | "CONFLICT" // unique violation or stale version
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE"; // the database is unreachable or every pooled connection stayed busy: try again

export type FieldErrors = Record<string, string[]>;

/** A refusal a user may read: `message` is shown as is; `fieldErrors` go next to form fields. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: AppErrorCode, message: string, options: { fieldErrors?: FieldErrors; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
  }
}

export const notFound = (what = "Record") => new AppError("NOT_FOUND", `${what} not found.`);

export const staleVersion = () =>
  new AppError(
    "CONFLICT",
    "This record was changed by someone else since you opened it. Reload to see their changes, then apply yours again.",
  );

/** Field names people read, for unique-violation messages. */
const fieldLabels: Record<string, string> = {
  email: "email",
  label: "label",
  code: "code",
  name: "name",
  clientId: "client id",
};

/** Seconds a client is asked to wait (Retry-After) when the database is busy or unreachable. */
export const retryAfterSeconds = 5;

export const unavailable = (cause?: unknown) =>
  new AppError("SERVICE_UNAVAILABLE", "Roster is very busy or cannot reach its database right now. Please try again in a few seconds.", {
    cause,
  });

/** Prisma's codes for a server it cannot reach, a pool that had no connection in time, a transaction that could not start. */
const unavailableCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** What @prisma/adapter-pg reports for a lost or refused connection. */
const unavailableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE", "EAI_AGAIN"]);
/** SQLSTATE: connection exceptions (08), too many connections, the server shutting down or starting up. */
const unavailableStates = /^(08...|53300|57P0[123])$/;
/** node-postgres says these in words only: the pool's wait ran out, or the connection went away. */
const poolMessages = /^(timeout exceeded when trying to connect|Connection terminated)/;

/**
 * True when `error` (or what caused it) means the database is out of reach or busy rather than that the request
 * was wrong: the pool had no free connection within DATABASE_POOL_TIMEOUT_SECONDS, or the server is down.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const { code, kind, message, cause, meta } = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (error instanceof Prisma.PrismaClientKnownRequestError)
    return unavailableCodes.has(error.code) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
  if (typeof kind === "string" && unavailableKinds.has(kind)) return true;
  if (typeof code === "string" && (socketCodes.has(code) || unavailableStates.test(code))) return true;
  if (typeof message === "string" && poolMessages.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * Maps the database errors a user can cause (or meet, when the database is busy or down) to AppErrors; anything
 * else is returned unchanged (and masked later).
 */
export function fromPrismaError(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) return unavailable(error);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  if (error.code === "P2002") {
    const fields = uniqueFields(error);
    const field = fields.find((f) => f in fieldLabels) ?? fields[0];
    const label = (field && fieldLabels[field]) ?? field ?? "value";
    return new AppError("CONFLICT", `This ${label} is already in use.`, {
      fieldErrors: field ? { [field]: [`This ${label} is already in use.`] } : undefined,
      cause: error,
    });
  }
  if (error.code === "P2025") return new AppError("NOT_FOUND", "Record not found.", { cause: error });
  if (error.code === "P2003") return new AppError("BAD_REQUEST", "A referenced record does not exist.", { cause: error });
  return error;
}

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = error.meta as
    | { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } }
    | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fromAdapter = constraint?.fields;
  if (Array.isArray(fromAdapter)) return fromAdapter.map((f) => f.replaceAll('"', ""));
  // PostgreSQL through the pg adapter names the index instead: Prisma's "<Model>_<field>_<field>_key".
  const index = constraint?.index;
  if (index && meta?.modelName && index.startsWith(`${meta.modelName}_`) && index.endsWith("_key")) {
    return index.slice(meta.modelName.length + 1, -"_key".length).split("_");
  }
  if (Array.isArray(meta?.target)) return meta.target as string[];
  if (typeof meta?.target === "string") return [meta.target];
  return [];
}

import { Prisma } from "./generated/prisma/client";

/** Error codes mean one thing each (STYLE rule 6). */
export type AppErrorCode =
  | "BAD_REQUEST" // a domain rule refused the input
  | "UNAUTHORIZED" // no session
  | "FORBIDDEN" // signed in, lacking the permission
  | "NOT_FOUND" // not there, or not yours
  | "CONFLICT" // unique violation or stale version
  | "TOO_MANY_REQUESTS";

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
  new AppError("CONFLICT", "This record was changed by someone else since you opened it. Reload to see their changes, then apply yours again.");

/** Field names people read, for unique-violation messages. */
const fieldLabels: Record<string, string> = {
  email: "email",
  label: "label",
  code: "code",
  name: "name",
  clientId: "client id",
};

/** Maps the Prisma errors a user can cause to AppErrors; anything else is returned unchanged (and masked later). */
export function fromPrismaError(error: unknown): unknown {
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

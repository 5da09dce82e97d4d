import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { AppError, fromPrismaError, type FieldErrors } from "../errors";

/**
 * The one reading of a failed procedure, whichever face it was called through: the tRPC errorFormatter (/api/trpc),
 * runProcedure (server actions) and /api/v1 (which also sends `status`). Each face only wraps this in its envelope,
 * so a refusal reads the same everywhere.
 */
export type ShapedError = { code: TRPC_ERROR_CODE_KEY; status: number; message: string; fieldErrors?: FieldErrors };

/** Where the error is answered, named in the log line. */
export type ErrorFace = "trpc" | "action" | "api";

/** What a user reads when something unexpected failed; the error itself goes to the log. */
export const unexpectedErrorMessage = "Something went wrong on our side. It has been logged; please try again.";

export const invalidInputMessage = "Some fields need your attention.";

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

// /api/v1 runs the tRPC formatter too (trpc-to-openapi builds a shape it then discards): one line per error, not two.
const logged = new WeakSet<object>();

const shaped = (code: TRPC_ERROR_CODE_KEY, message: string, fieldErrors?: FieldErrors): ShapedError => ({
  code,
  status: getHTTPStatusCodeFromError(new TRPCError({ code })),
  message,
  ...(fieldErrors ? { fieldErrors } : {}),
});

export function shapeError(error: TRPCError, face: ErrorFace): ShapedError {
  // Domain refusals and the database errors a user can cause (or meet: a busy pool is a 503) keep their meaning.
  const cause = fromPrismaError(error.cause);
  if (cause instanceof AppError) return shaped(cause.code, cause.message, cause.fieldErrors);
  // Checked before zod: a schema that fails inside a handler (output validation, a parse on stored data) is our bug.
  if (error.code === "INTERNAL_SERVER_ERROR") {
    if (!logged.has(error)) {
      logged.add(error);
      console.error(`[${face}] unexpected error`, error.cause ?? error);
    }
    return shaped("INTERNAL_SERVER_ERROR", unexpectedErrorMessage);
  }
  if (cause instanceof ZodError) return shaped(error.code, invalidInputMessage, fieldErrorsOf(cause));
  return shaped(error.code, error.message);
}

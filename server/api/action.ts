import "server-only";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError, type FieldErrors } from "../errors";
import { fieldErrorsOf, unexpectedErrorMessage } from "./trpc";

/** What a server action hands back to its form: the data, or the refusal as the form shows it. */
export type ActionFailure = { ok: false; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/**
 * Runs a procedure through the in-process caller for a server action (the flows that must set a session cookie)
 * and shapes a refusal as the HTTP errorFormatter does: field errors for bad input, unexpected errors masked.
 */
export async function runProcedure<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      console.error("[action] unexpected error", error.cause ?? error);
      return { ok: false, message: unexpectedErrorMessage };
    }
    if (error.cause instanceof ZodError)
      return { ok: false, message: "Some fields need your attention.", fieldErrors: fieldErrorsOf(error.cause) };
    return { ok: false, message: error.message, fieldErrors: error.cause instanceof AppError ? error.cause.fieldErrors : undefined };
  }
}

/** The state of a one-button form behind an email link (confirm the address, confirm the new address). */
export type LinkActionState = { error?: string };

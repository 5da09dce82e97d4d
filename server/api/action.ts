import "server-only";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { FieldErrors } from "../errors";
import { shapeError } from "./errorShape";

/** What a server action hands back to its form: the data, or the refusal as the form shows it (`code` when a procedure refused). */
export type ActionFailure = { ok: false; code?: TRPC_ERROR_CODE_KEY; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/**
 * Runs a procedure through the in-process caller for a server action (the flows that must set a session cookie)
 * and shapes a refusal as /api/trpc and /api/v1 do (errorShape.ts).
 */
export async function runProcedure<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { code, message, fieldErrors } = shapeError(error, "action");
    return { ok: false, code, message, fieldErrors };
  }
}

/** The state of a one-button form behind an email link (confirm the address, confirm the new address). */
export type LinkActionState = { error?: string };

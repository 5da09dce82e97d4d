import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";

/** What pages make of a procedure's refusal (re-exported by caller.ts, where pages take them from). */

/**
 * For pages that show something else when a procedure refuses (a link that is not valid any more, a parent the
 * actor does not reach): the refusal is null; a failure (and the redirect of a busy database) propagates.
 */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR" && error.code !== "SERVICE_UNAVAILABLE") return null;
    throw error;
  }
}

/**
 * For pages gated by the procedure they call: its FORBIDDEN (the actor's roles do not grant it) is null, for the page
 * to show NoAccess; anything else propagates (NOT_FOUND still reaches `orNotFound` or the 404 page).
 */
export async function orNoAccess<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if ((error as { code?: string }).code === "FORBIDDEN") return null;
    throw error;
  }
}

/** For pages: a procedure's NOT_FOUND becomes the 404 page; anything else propagates. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") notFound();
    throw error;
  }
}

import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getDb } from "../db";
import { loadCustomerSession, loadStaffSession, requireCustomer, requireStaff } from "../auth/session";
import { createCaller } from "./root";
import { afterResponse } from "./defer";
import { toUnavailablePage } from "../unavailable";

/**
 * The in-process tRPC caller for server components: the same procedures and checks as over HTTP. A procedure that
 * finds the database busy or unreachable sends the page to /unavailable (503 with Retry-After).
 */
export const getCaller = cache(async () => {
  // headers() first: it marks the page dynamic before anything opens the database (never during a build).
  const requestHeaders = await headers();
  return createCaller(
    {
      db: getDb(),
      source: "server",
      headers: requestHeaders,
      requestOrigin: null,
      defer: afterResponse,
      staff: loadStaffSession,
      customer: loadCustomerSession,
    },
    {
      onError: ({ error }) => {
        if (error.code === "SERVICE_UNAVAILABLE") toUnavailablePage(requestHeaders);
      },
    },
  );
});

/**
 * For back-office pages: redirects to the sign-in page when the session is gone (layouts and pages render in
 * parallel, so a page must not rely on its layout's redirect), then the caller.
 */
export async function getStaffCaller() {
  const staff = await requireStaff();
  return { staff, caller: await getCaller() };
}

export async function getCustomerCaller() {
  const user = await requireCustomer();
  return { user, caller: await getCaller() };
}

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

/** For pages: a procedure's NOT_FOUND becomes the 404 page; anything else propagates. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") notFound();
    throw error;
  }
}

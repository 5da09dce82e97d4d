import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getDb } from "../db";
import { loadCustomerSession, loadStaffSession, requireCustomer, requireStaff } from "../auth/session";
import { customerSession, staffSession } from "../authz/abilities";
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
 * parallel, so a page must not rely on its layout's redirect), then `me` (what `admin.session.me` answers: the
 * screens' abilities, reach and menu) and the caller. `staff` (the principal) stays until every page reads `me`.
 */
export async function getStaffCaller() {
  const staff = await requireStaff();
  return { staff, me: staffSession(staff), caller: await getCaller() };
}

/** The same for account pages: `me` is what `account.me.session` answers. */
export async function getCustomerCaller() {
  const user = await requireCustomer();
  return { user, me: customerSession(user), caller: await getCaller() };
}

export { orNoAccess, orNotFound, orNull } from "./refusals";

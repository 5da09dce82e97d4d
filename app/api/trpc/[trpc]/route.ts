import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { httpContext } from "@/server/api/trpc";
import { afterResponse } from "@/server/api/defer";
import { getDb } from "@/server/db";
import { loadCustomerSession, loadStaffSession } from "@/server/auth/session";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => {
      // Memoized per request; each realm's session is read only when a procedure asks for it.
      let staff: ReturnType<typeof loadStaffSession> | undefined;
      let customer: ReturnType<typeof loadCustomerSession> | undefined;
      return httpContext(req, {
        db: getDb(),
        defer: afterResponse,
        staff: () => (staff ??= loadStaffSession()),
        customer: () => (customer ??= loadCustomerSession()),
      });
    },
  });
}

export { handler as GET, handler as POST };

import { afterResponse } from "@/server/api/defer";
import { getDb } from "@/server/db";
import { handleTrpcRequest } from "@/server/api/http";
import { loadCustomerSession, loadStaffSession } from "@/server/auth/session";

function handler(req: Request) {
  // Memoized per request; each realm's session is read only when a procedure asks for it.
  let staff: ReturnType<typeof loadStaffSession> | undefined;
  let customer: ReturnType<typeof loadCustomerSession> | undefined;
  return handleTrpcRequest(req, {
    db: getDb(),
    staff: () => (staff ??= loadStaffSession()),
    customer: () => (customer ??= loadCustomerSession()),
    defer: afterResponse,
  });
}

export { handler as GET, handler as POST };

import { loadStaffPrincipal, type StaffPrincipal } from "../../server/authz/access";
import { createCaller } from "../../server/api/root";
import type { Context } from "../../server/api/trpc";
import type { Db } from "../../server/db";

/**
 * The tRPC context of one request by staff member `who`: their principal loaded the way a session loads it (one
 * indexed query, then cached grants), memoized per request. `origin` null: the server components' in-process caller.
 */
export function staffContext(db: Db, who: StaffPrincipal, headers = new Headers(), origin: string | null = null): Context {
  let staff: ReturnType<typeof loadStaffPrincipal> | undefined;
  return {
    db,
    source: origin ? "http" : "server",
    headers,
    requestOrigin: origin,
    defer: async (work) => void (await work()),
    staff: () => (staff ??= loadStaffPrincipal(db, { uid: who.id, sv: 1 })),
    customer: async () => null,
  };
}

/** A fresh in-process caller per call, as each server-rendered request gets. */
export const staffCaller = (db: Db, who: StaffPrincipal) => createCaller(staffContext(db, who));

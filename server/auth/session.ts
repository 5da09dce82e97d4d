import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { isDatabaseUnavailable } from "../errors";
import { toUnavailablePage } from "../unavailable";
import { loadCustomerPrincipal, loadStaffPrincipal, type CustomerPrincipal, type SessionEnd, type StaffPrincipal } from "../authz/access";
import { customerAuth } from "./customer";
import { staffAuth } from "./staff";

type Loaded<P> = P | { ended: SessionEnd } | null;

/** The signed-in staff member for this request (once per request), null without a session. */
export const loadStaffSession = cache(async (): Promise<Loaded<StaffPrincipal>> => {
  const session = (await staffAuth()) as { uid?: number; sv?: number; sid?: number } | null;
  if (typeof session?.uid !== "number" || typeof session.sv !== "number" || typeof session.sid !== "number") return null;
  return loadStaffPrincipal(getDb(), { uid: session.uid, sv: session.sv, sid: session.sid });
});

export const loadCustomerSession = cache(async (): Promise<Loaded<CustomerPrincipal>> => {
  const session = (await customerAuth()) as { uid?: number; sv?: number; sid?: number; imp?: number } | null;
  if (typeof session?.uid !== "number" || typeof session.sv !== "number" || typeof session.sid !== "number") return null;
  const imp = typeof session.imp === "number" ? session.imp : undefined;
  return loadCustomerPrincipal(getDb(), { uid: session.uid, sv: session.sv, sid: session.sid, imp });
});

/** A page's session, or /unavailable (503) when the database is busy or unreachable. */
async function pageSession<P>(load: () => Promise<P>): Promise<P> {
  try {
    return await load();
  } catch (error) {
    if (isDatabaseUnavailable(error)) toUnavailablePage(await headers());
    throw error;
  }
}

/** For back-office layouts and pages: the staff member, or a redirect to the sign-in page saying why. */
export async function requireStaff(): Promise<StaffPrincipal> {
  const loaded = await pageSession(loadStaffSession);
  if (!loaded) redirect("/admin/login");
  if ("ended" in loaded) redirect(`/admin/login?ended=${loaded.ended}`);
  return loaded;
}

export async function requireCustomer(): Promise<CustomerPrincipal> {
  const loaded = await pageSession(loadCustomerSession);
  if (!loaded) redirect("/login");
  if ("ended" in loaded) redirect(`/login?ended=${loaded.ended}`);
  return loaded;
}

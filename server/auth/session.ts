import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import {
  loadCustomerPrincipal,
  loadStaffPrincipal,
  type CustomerPrincipal,
  type SessionEnd,
  type StaffPrincipal,
} from "../authz/access";
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

/** For back-office layouts and pages: the staff member, or a redirect to the sign-in page saying why. */
export async function requireStaff(): Promise<StaffPrincipal> {
  const loaded = await loadStaffSession();
  if (!loaded) redirect("/admin/login");
  if ("ended" in loaded) redirect(`/admin/login?ended=${loaded.ended}`);
  return loaded;
}

export async function requireCustomer(): Promise<CustomerPrincipal> {
  const loaded = await loadCustomerSession();
  if (!loaded) redirect("/login");
  if ("ended" in loaded) redirect(`/login?ended=${loaded.ended}`);
  return loaded;
}

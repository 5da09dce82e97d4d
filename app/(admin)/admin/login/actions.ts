"use server";
import { redirect } from "next/navigation";
import { staffSignIn, staffSignOut } from "@/server/auth/staff";
import { attemptSignIn, type SignInState } from "@/server/auth/actions";
import { safeNextPath } from "@/server/auth/messages";
import { getCaller } from "@/server/api/caller";

export async function signInStaff(_state: SignInState, form: FormData): Promise<SignInState> {
  const refused = await attemptSignIn(staffSignIn, "staff", form);
  if (refused) return refused;
  redirect(safeNextPath(form.get("next"), "/admin", "/admin"));
}

/** Signs this browser out; the session ends on the server, so a copy of the cookie no longer works. */
export async function signOutStaff() {
  await staffSignOut({ redirectTo: "/admin/login" });
}

/** Ends every session of the staff member, this browser's too. */
export async function signOutStaffEverywhere() {
  await (await getCaller()).admin.session.signOutEverywhere();
  await staffSignOut({ redirectTo: "/admin/login?notice=signed-out-everywhere" });
}

"use server";
import { redirect } from "next/navigation";
import { staffSignIn, staffSignOut } from "@/server/auth/staff";
import { attemptSignIn, type SignInState } from "@/server/auth/actions";
import { safeNextPath } from "@/server/auth/messages";

export async function signInStaff(_state: SignInState, form: FormData): Promise<SignInState> {
  const refused = await attemptSignIn(staffSignIn, form);
  if (refused) return refused;
  redirect(safeNextPath(form.get("next"), "/admin", "/admin"));
}

export async function signOutStaff() {
  await staffSignOut({ redirectTo: "/admin/login" });
}

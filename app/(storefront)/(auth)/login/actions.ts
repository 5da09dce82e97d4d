"use server";
import { redirect } from "next/navigation";
import { customerSignIn, customerSignOut } from "@/server/auth/customer";
import { attemptSignIn, type SignInState } from "@/server/auth/actions";
import { safeNextPath } from "@/server/auth/messages";
import { getCaller } from "@/server/api/caller";

export async function signInCustomer(_state: SignInState, form: FormData): Promise<SignInState> {
  const refused = await attemptSignIn(customerSignIn, form);
  if (refused) return refused;
  redirect(safeNextPath(form.get("next"), "/account", "/account"));
}

export async function signOutCustomer() {
  await customerSignOut({ redirectTo: "/login" });
}

/** Ends a staff member's session as this customer user and takes them back to the user's page in the back office. */
export async function endImpersonation() {
  const caller = await getCaller();
  const { customerUserId } = await caller.account.impersonation.end();
  await customerSignOut({ redirectTo: `/admin/customer-users/${customerUserId}` });
}

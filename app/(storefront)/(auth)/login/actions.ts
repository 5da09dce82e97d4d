"use server";
import { redirect } from "next/navigation";
import { customerSignIn, customerSignOut } from "@/server/auth/customer";
import { attemptSignIn, type SignInState } from "@/server/auth/actions";
import { safeNextPath } from "@/server/auth/messages";
import { getCaller } from "@/server/api/caller";

export async function signInCustomer(_state: SignInState, form: FormData): Promise<SignInState> {
  const refused = await attemptSignIn(customerSignIn, "customer", form);
  if (refused) return refused;
  redirect(safeNextPath(form.get("next"), "/account", "/account"));
}

/** Signs this browser out; the session ends on the server, so a copy of the cookie no longer works. */
export async function signOutCustomer() {
  await customerSignOut({ redirectTo: "/login" });
}

/** Ends every session of the user, this browser's too. */
export async function signOutCustomerEverywhere() {
  await (await getCaller()).account.profile.signOutEverywhere();
  await customerSignOut({ redirectTo: "/login?notice=signed-out-everywhere" });
}

/** Ends a staff member's session as this customer user and takes them back to the user's page in the back office. */
export async function endImpersonation() {
  const caller = await getCaller();
  const { customerUserId } = await caller.account.impersonation.end();
  await customerSignOut({ redirectTo: `/admin/customer-users/${customerUserId}` });
}

"use server";
import { redirect } from "next/navigation";
import { customerSignIn, customerSignOut } from "@/server/auth/customer";
import { attemptSignIn, type SignInState } from "@/server/auth/actions";
import { safeNextPath } from "@/server/auth/messages";

export async function signInCustomer(_state: SignInState, form: FormData): Promise<SignInState> {
  const refused = await attemptSignIn(customerSignIn, form);
  if (refused) return refused;
  redirect(safeNextPath(form.get("next"), "/account", "/account"));
}

export async function signOutCustomer() {
  await customerSignOut({ redirectTo: "/login" });
}

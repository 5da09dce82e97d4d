"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getCaller } from "@/server/api/caller";
import { runProcedure, type ActionFailure } from "@/server/api/action";
import { customerSignIn } from "@/server/auth/customer";
import type { ChangePasswordForm } from "@/server/schemas/profile";

/**
 * Changing the password ends every session of the user (sessionVersion); this browser is signed in again with
 * the new password so only the others end. It then goes to a new page: rendered in this request, the page would
 * still read the old session cookie and find it ended.
 */
export async function changePasswordAction(values: ChangePasswordForm): Promise<ActionFailure> {
  const caller = await getCaller();
  const result = await runProcedure(() => caller.account.profile.changePassword(values));
  if (!result.ok) return result;
  try {
    await customerSignIn("credentials", { email: result.data.email, password: values.newPassword, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login?notice=password-changed");
    throw error;
  }
  redirect("/account/profile?notice=password-changed");
}

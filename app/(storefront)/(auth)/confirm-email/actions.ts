"use server";
import { redirect } from "next/navigation";
import { getCaller } from "@/server/api/caller";
import { runProcedure, type LinkActionState } from "@/server/api/action";
import { loadCustomerSession } from "@/server/auth/session";

export async function confirmEmailChangeAction(_state: LinkActionState, form: FormData): Promise<LinkActionState> {
  const token = String(form.get("token") ?? "");
  const caller = await getCaller();
  const result = await runProcedure(() => caller.auth.confirmEmailChange({ token }));
  if (!result.ok) return { error: result.message };
  // The session survives an email change: someone signed in goes back to their profile.
  const session = await loadCustomerSession();
  redirect(session && !("ended" in session) ? "/account/profile?notice=email-changed" : "/login?notice=email-changed");
}

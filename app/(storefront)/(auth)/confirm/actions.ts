"use server";
import { redirect } from "next/navigation";
import { getCaller } from "@/server/api/caller";
import { runProcedure, type LinkActionState } from "@/server/api/action";
import { customerSignIn } from "@/server/auth/customer";
import { signInWithTicket } from "@/server/auth/actions";

export async function confirmEmailAction(_state: LinkActionState, form: FormData): Promise<LinkActionState> {
  const token = String(form.get("token") ?? "");
  const caller = await getCaller();
  const result = await runProcedure(() => caller.auth.confirmEmail({ token }));
  if (!result.ok) return { error: result.message };
  if (result.data.signInTicket && (await signInWithTicket(customerSignIn, result.data.signInTicket))) redirect("/account");
  redirect("/login?notice=confirmed");
}

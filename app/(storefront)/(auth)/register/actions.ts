"use server";
import { redirect } from "next/navigation";
import { getCaller } from "@/server/api/caller";
import { runProcedure, type ActionResult } from "@/server/api/action";
import { customerSignIn } from "@/server/auth/customer";
import { signInWithTicket } from "@/server/auth/actions";
import type { RegistrationForm, RegistrationOutcome } from "@/server/schemas/identity";

/** Registration runs here rather than from the browser so a website that signs new users in can set the session. */
export async function registerAction(values: RegistrationForm): Promise<ActionResult<{ next: RegistrationOutcome["next"] }>> {
  const caller = await getCaller();
  const result = await runProcedure(() => caller.auth.register(values));
  if (!result.ok) return result;
  const { next, signInTicket } = result.data;
  if (signInTicket && (await signInWithTicket(customerSignIn, signInTicket))) redirect("/account");
  return { ok: true, data: { next } };
}

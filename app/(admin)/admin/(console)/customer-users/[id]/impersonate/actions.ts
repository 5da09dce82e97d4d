"use server";
import { redirect } from "next/navigation";
import { getCaller } from "@/server/api/caller";
import { runProcedure, type ActionFailure } from "@/server/api/action";
import { customerSignIn } from "@/server/auth/customer";
import { signInWithTicket } from "@/server/auth/actions";

/** Starts the impersonation and opens the customer session with its ticket; returns only to refuse. */
export async function impersonateAction(values: { customerUserId: number; reason: string }): Promise<ActionFailure> {
  const caller = await getCaller();
  const result = await runProcedure(() => caller.admin.impersonation.start(values));
  if (!result.ok) return result;
  if (!(await signInWithTicket(customerSignIn, result.data.ticket, "impersonation"))) {
    return { ok: false, message: "The storefront session could not be opened. Please try again." };
  }
  redirect("/account");
}

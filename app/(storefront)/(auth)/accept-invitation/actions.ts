"use server";
import { redirect } from "next/navigation";
import { getCaller } from "@/server/api/caller";
import { runProcedure } from "@/server/api/action";
import { customerSignIn } from "@/server/auth/customer";

export type AcceptState = { error?: string; fieldErrors?: Record<string, string[]> };

/** Accepts the invitation, then signs the new user in with the password they just chose. */
export async function acceptInvitationAction(_state: AcceptState, form: FormData): Promise<AcceptState> {
  const caller = await getCaller();
  // The procedure parses the form's values (a missing field is its field error), so they go as they came.
  const values = {
    token: form.get("token"),
    firstName: form.get("firstName"),
    lastName: form.get("lastName"),
    password: form.get("password"),
    consentIds: form.getAll("consentIds").map(Number),
  } as Parameters<typeof caller.invitations.accept>[0];
  const result = await runProcedure(() => caller.invitations.accept(values));
  if (!result.ok) return { error: result.message, fieldErrors: result.fieldErrors };
  await customerSignIn("credentials", { email: result.data.email, password: values.password, redirect: false });
  redirect("/account");
}

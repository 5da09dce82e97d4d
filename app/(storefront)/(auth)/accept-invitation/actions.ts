"use server";
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getCaller } from "@/server/api/caller";
import { customerSignIn } from "@/server/auth/customer";
import { acceptInvitationInput } from "@/server/schemas/invitations";
import { ZodError } from "zod";

export type AcceptState = { error?: string; fieldErrors?: Record<string, string[]> };

function fieldErrorsOf(error: ZodError) {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) (result[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return result;
}

/** Accepts the invitation, then signs the new user in with the password they just chose. */
export async function acceptInvitationAction(_state: AcceptState, form: FormData): Promise<AcceptState> {
  const parsed = acceptInvitationInput.safeParse({
    token: form.get("token"),
    firstName: form.get("firstName"),
    lastName: form.get("lastName"),
    password: form.get("password"),
    consentIds: form.getAll("consentIds").map(Number),
  });
  if (!parsed.success) return { error: "Some fields need your attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  let email: string;
  try {
    email = (await (await getCaller()).invitations.accept(parsed.data)).email;
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      const fieldErrors = (error.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
      return { error: error.message, fieldErrors };
    }
    throw error;
  }
  await customerSignIn("credentials", { email, password: parsed.data.password, redirect: false });
  redirect("/account");
}

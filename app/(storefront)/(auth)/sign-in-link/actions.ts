"use server";
import { redirect } from "next/navigation";
import type { LinkActionState } from "@/server/api/action";
import { customerSignIn } from "@/server/auth/customer";
import { signInWithTicket } from "@/server/auth/actions";

/** The emailed link's token is a sign-in ticket; this browser becomes one the account knows. */
export async function signInWithLinkAction(_state: LinkActionState, form: FormData): Promise<LinkActionState> {
  if (await signInWithTicket(customerSignIn, String(form.get("token") ?? ""))) redirect("/account");
  return { error: "This link is invalid or has expired, or the account may not sign in. Ask for a new one." };
}

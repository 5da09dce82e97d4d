import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { InvalidLink } from "@/components/auth/invalid-link";
import { LinkActionForm } from "@/components/auth/link-action-form";
import { param, type SearchParams } from "@/components/grid/params";
import { getCaller, orNull } from "@/server/api/caller";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address" };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, "token");
  const caller = await getCaller();
  const link = token ? await orNull(caller.auth.checkConfirmationLink({ token })) : null;
  if (!token || !link) return <InvalidLink again={{ href: "/confirm/resend", label: "Send me a new confirmation link" }} />;
  return (
    <AuthShell
      title="Confirm your email address"
      subtitle={
        <>
          You are confirming <strong data-testid="link-email">{link.email}</strong>.
        </>
      }
    >
      <LinkActionForm action={confirmEmailAction} token={token} label="Confirm my email address" pendingLabel="Confirming…" />
    </AuthShell>
  );
}

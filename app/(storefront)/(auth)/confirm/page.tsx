import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { InvalidLink } from "@/components/auth/invalid-link";
import { LinkActionForm } from "@/components/auth/link-action-form";
import { getCaller } from "@/server/api/caller";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address" };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await searchParams;
  const caller = await getCaller();
  const link = token ? await caller.auth.checkConfirmationLink({ token }).catch(() => null) : null;
  if (!token || !link) return <InvalidLink again={{ href: "/confirm/resend", label: "Send me a new confirmation link" }} />;
  return (
    <AuthShell title="Confirm your email address" subtitle={<>You are confirming <strong data-testid="link-email">{link.email}</strong>.</>}>
      <LinkActionForm action={confirmEmailAction} token={token} label="Confirm my email address" pendingLabel="Confirming…" />
    </AuthShell>
  );
}

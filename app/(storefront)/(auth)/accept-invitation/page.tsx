import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { param, type SearchParams } from "@/components/grid/params";
import { getCaller, orNull } from "@/server/api/caller";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, "token");
  const invitation = token ? await orNull((await getCaller()).invitations.peek({ token })) : null;
  if (!token || !invitation) {
    return (
      <AuthShell title="Invitation">
        <Alert tone="error" testId="invitation-invalid">
          This invitation is not valid any more: it was used, revoked or has expired. Ask your administrator for a new one.
        </Alert>
        <p className="mt-4 text-sm">
          <Link className="text-brand-700 hover:underline" href="/login">
            Sign in
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={`Join ${invitation.companyName}`} subtitle="Choose your password to create your account.">
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        firstName={invitation.firstName}
        lastName={invitation.lastName}
        consents={invitation.consents}
      />
    </AuthShell>
  );
}

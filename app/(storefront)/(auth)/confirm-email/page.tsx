import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { InvalidLink } from "@/components/auth/invalid-link";
import { LinkActionForm } from "@/components/auth/link-action-form";
import { param, type SearchParams } from "@/components/grid/params";
import { getCaller, orNull } from "@/server/api/caller";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your new email address" };

export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, "token");
  const caller = await getCaller();
  const link = token ? await orNull(caller.auth.checkEmailChangeLink({ token })) : null;
  if (!token || !link)
    return <InvalidLink again={{ href: "/account/profile", label: "Change your email address again from your profile" }} />;
  return (
    <AuthShell
      title="Confirm your new email address"
      subtitle={
        <>
          Your account&apos;s email address becomes <strong data-testid="link-email">{link.email}</strong>.
        </>
      }
    >
      <LinkActionForm action={confirmEmailChangeAction} token={token} label="Use this email address" pendingLabel="Saving…" />
    </AuthShell>
  );
}

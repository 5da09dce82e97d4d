import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { InvalidLink } from "@/components/auth/invalid-link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { param, type SearchParams } from "@/components/grid/params";
import { getCaller, orNull } from "@/server/api/caller";

export const metadata: Metadata = { title: "Choose a new password" };

/** Serves both the reset link (forgotten password) and the welcome email's set-password link. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, "token");
  const caller = await getCaller();
  const link = token ? await orNull(caller.auth.checkPasswordLink({ token })) : null;
  if (!token || !link) return <InvalidLink again={{ href: "/forgot-password", label: "Send me a new link" }} />;
  const title = link.purpose === "SET_PASSWORD" ? "Choose your password" : "Choose a new password";
  return (
    <AuthShell
      title={title}
      subtitle={
        <>
          For <strong data-testid="link-email">{link.email}</strong>. Afterwards you are signed out everywhere.
        </>
      }
    >
      <ResetPasswordForm token={token} email={link.email} />
    </AuthShell>
  );
}

import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { InvalidLink } from "@/components/auth/invalid-link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { TRPCReactProvider } from "@/components/trpc";
import { param, type SearchParams } from "@/components/grid/params";
import { getCaller, orNull } from "@/server/api/caller";

export const metadata: Metadata = { title: "Choose your back-office password" };

/** Behind the link a new staff member gets (or a colleague sends again): checked when shown, used when sent. */
export default async function StaffSetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, "token");
  const link = token ? await orNull((await getCaller()).staffPassword.checkLink({ token })) : null;
  if (!token || !link) return <InvalidLink note="Ask a colleague who manages staff to send you a new link." signIn="/admin/login" />;
  return (
    <TRPCReactProvider>
      <AuthShell
        title={link.firstPassword ? "Choose your password" : "Choose a new password"}
        subtitle={
          <>
            For the back-office account <strong data-testid="link-email">{link.email}</strong>.
            {link.firstPassword ? "" : " Afterwards you are signed out everywhere."}
          </>
        }
      >
        <ResetPasswordForm token={token} email={link.email} realm="staff" />
      </AuthShell>
    </TRPCReactProvider>
  );
}

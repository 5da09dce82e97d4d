import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth-shell";
import { EmailRequestForm } from "@/components/auth/email-request-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  // Rendered per request: the page's scripts need the request's CSP nonce (proxy.ts) to run at all.
  await connection();
  return (
    <AuthShell title="Forgot your password?" subtitle="Enter your email address and we will send you a link to choose a new one.">
      <EmailRequestForm kind="requestPasswordReset" />
    </AuthShell>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth-shell";
import { EmailRequestForm } from "@/components/auth/email-request-form";

export const metadata: Metadata = { title: "Send the confirmation email again" };

export default async function ResendConfirmationPage() {
  // Rendered per request: the page's scripts need the request's CSP nonce (proxy.ts) to run at all.
  await connection();
  return (
    <AuthShell
      title="Confirm your email address"
      subtitle="Enter the email address you registered with and we will send you a new confirmation link."
    >
      <EmailRequestForm kind="resendConfirmation" />
    </AuthShell>
  );
}

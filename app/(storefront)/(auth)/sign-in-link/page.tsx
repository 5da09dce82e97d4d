import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth-shell";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { InvalidLink } from "@/components/auth/invalid-link";
import { LinkActionForm } from "@/components/auth/link-action-form";
import { getCaller } from "@/server/api/caller";
import { signInWithLinkAction } from "./actions";

export const metadata: Metadata = { title: "Sign in with a link" };

/** Asks for a sign-in link by email; opened from that link, signs in on a button press (mail scanners only look). */
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await searchParams;
  if (!token) {
    // Rendered per request: the page's scripts need the request's CSP nonce (proxy.ts) to run at all.
    await connection();
    return (
      <AuthShell
        title="Sign in with a link"
        subtitle="Enter your email address and we will send you a link that signs you in, whatever holds password sign-in back."
      >
        <EmailRequestForm kind="requestSignInLink" />
      </AuthShell>
    );
  }
  const link = await (await getCaller()).auth.checkSignInLink({ token }).catch(() => null);
  if (!link) return <InvalidLink again={{ href: "/sign-in-link", label: "Send me a new sign-in link" }} />;
  return (
    <AuthShell
      title="Sign in with a link"
      subtitle={
        <>
          You are signing in as <strong data-testid="link-email">{link.email}</strong>.
        </>
      }
    >
      <LinkActionForm action={signInWithLinkAction} token={token} label="Sign in" pendingLabel="Signing in…" />
    </AuthShell>
  );
}

import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { SignInForm } from "@/components/sign-in-form";
import { isSessionEnd, sessionEndMessages } from "@/server/auth/messages";
import { signInCustomer } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { ended, next } = await searchParams;
  return (
    <AuthShell title="Sign in to your account">
      <SignInForm action={signInCustomer} next={next} notice={isSessionEnd(ended) ? sessionEndMessages[ended] : undefined} />
    </AuthShell>
  );
}

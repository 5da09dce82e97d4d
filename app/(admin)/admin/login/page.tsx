import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { SignInForm } from "@/components/sign-in-form";
import { isSessionEnd, sessionEndMessages, staffSignInNotices } from "@/server/auth/messages";
import { signInStaff } from "./actions";

export const metadata: Metadata = { title: "Back office sign in" };

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { ended, next, notice } = await searchParams;
  const done = notice && Object.hasOwn(staffSignInNotices, notice) ? staffSignInNotices[notice] : undefined;
  return (
    <AuthShell title="Back office" subtitle="Staff sign-in">
      <SignInForm
        action={signInStaff}
        next={next}
        notice={done ?? (isSessionEnd(ended) ? sessionEndMessages[ended] : undefined)}
        noticeTone={done ? "success" : "warning"}
      />
    </AuthShell>
  );
}

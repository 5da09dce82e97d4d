import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { SignInForm } from "@/components/sign-in-form";
import { getCaller } from "@/server/api/caller";
import { isSessionEnd, sessionEndMessages, signInNotices } from "@/server/auth/messages";
import { signInCustomer } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const linkClass = "font-medium text-brand-700 hover:underline";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { ended, next, notice } = await searchParams;
  const options = await (await getCaller()).auth.registrationOptions();
  const done = notice ? signInNotices[notice] : undefined;
  return (
    <AuthShell title="Sign in to your account">
      <SignInForm
        action={signInCustomer}
        next={next}
        notice={done ?? (isSessionEnd(ended) ? sessionEndMessages[ended] : undefined)}
        noticeTone={done ? "success" : "warning"}
        refusalHelp={{
          unconfirmed: (
            <Link className={linkClass} href="/confirm/resend">
              Send the confirmation email again
            </Link>
          ),
          "password-reset": (
            <Link className={linkClass} href="/forgot-password">
              Send me a new link
            </Link>
          ),
          "account-held": (
            <>
              Or sign in now with a link:{" "}
              <Link className={linkClass} href="/sign-in-link">
                email me a sign-in link
              </Link>
              .
            </>
          ),
          "address-held": (
            <>
              Or sign in now with a link:{" "}
              <Link className={linkClass} href="/sign-in-link">
                email me a sign-in link
              </Link>
              .
            </>
          ),
          "device-held": (
            <>
              You can also{" "}
              <Link className={linkClass} href="/forgot-password">
                reset your password
              </Link>{" "}
              to sign in at once.
            </>
          ),
        }}
        footer={
          <nav aria-label="Account help" className="space-y-2 border-t border-slate-200 pt-4 text-sm text-slate-600">
            <p>
              <Link className={linkClass} href="/forgot-password">
                Forgot your password?
              </Link>
            </p>
            <p>
              <Link className={linkClass} href="/sign-in-link">
                Sign in with a link by email
              </Link>
            </p>
            <p>
              <Link className={linkClass} href="/confirm/resend">
                Didn&apos;t get the confirmation email?
              </Link>
            </p>
            {options.linkShown && options.allowed ? (
              <p>
                New here?{" "}
                <Link className={linkClass} href="/register">
                  Create an account
                </Link>
              </p>
            ) : null}
          </nav>
        }
      />
    </AuthShell>
  );
}

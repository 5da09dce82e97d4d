import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { AuthShell } from "@/components/auth-shell";
import { RegisterForm } from "@/components/auth/register-form";
import { Alert } from "@/components/ui/alert";
import { param, type SearchParams } from "@/components/grid/params";
import { getCaller } from "@/server/api/caller";
import { preferredLocale } from "@/server/auth/locale";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

const signInLink = (
  <>
    Already have an account?{" "}
    <Link className="font-medium text-brand-700 hover:underline" href="/login">
      Sign in
    </Link>
  </>
);

export default async function RegisterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const lang = param(await searchParams, "lang");
  const options = await (await getCaller()).auth.registrationOptions();
  if (!options.allowed) {
    return (
      <AuthShell title="Create an account" subtitle={signInLink}>
        <Alert tone="warning" testId="registration-closed">
          Registration is not open on this website. Please contact us to get an account.
        </Alert>
      </AuthShell>
    );
  }
  const locale = preferredLocale(options.localizations, lang, (await headers()).get("accept-language"));
  return (
    <AuthShell title="Create an account" subtitle={signInLink} wide>
      <RegisterForm options={options} locale={locale} action={registerAction} />
    </AuthShell>
  );
}

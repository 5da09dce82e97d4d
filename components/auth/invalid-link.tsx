import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";

/** What a used, expired or mistyped link leads to: why, and where to get a new one. */
export function InvalidLink({
  again,
  note,
  signIn = "/login",
}: {
  again?: { href: string; label: string };
  note?: string;
  signIn?: string;
}) {
  return (
    <AuthShell title="This link no longer works">
      <div className="space-y-4 text-sm text-slate-700">
        <Alert tone="warning" testId="invalid-link">
          The link has expired, was used already, or was replaced by a newer one.
        </Alert>
        {again ? (
          <p>
            <Link className="font-medium text-brand-700 hover:underline" href={again.href}>
              {again.label}
            </Link>
          </p>
        ) : null}
        {note ? <p>{note}</p> : null}
        <p>
          Or{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={signIn}>
            go to the sign-in page
          </Link>
          .
        </p>
      </div>
    </AuthShell>
  );
}

"use client";
import { useActionState } from "react";
import type { SignInState } from "@/server/auth/actions";
import type { SignInRefusal } from "@/server/schemas/identity";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field, Input } from "./ui/field";

export function SignInForm({
  action,
  next,
  notice,
  noticeTone = "warning",
  refusalHelp,
  footer,
}: {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  next?: string;
  notice?: string;
  noticeTone?: "warning" | "success";
  /** What to offer next to a refusal (a link to resend the confirmation, ...), by its reason. */
  refusalHelp?: Partial<Record<SignInRefusal, React.ReactNode>>;
  footer?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const help = state.reason ? refusalHelp?.[state.reason] : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <Alert tone="error" testId="sign-in-error">
          {state.error}
          {help ? (
            <span className="mt-1 block" data-testid="sign-in-help">
              {help}
            </span>
          ) : null}
        </Alert>
      ) : notice ? (
        <Alert tone={noticeTone} testId="sign-in-notice">
          {notice}
        </Alert>
      ) : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" required>
        {(ids) => <Input {...ids} name="email" type="email" autoComplete="username" defaultValue={state.email} required autoFocus />}
      </Field>
      <Field label="Password" required>
        {(ids) => <Input {...ids} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {footer}
    </form>
  );
}

"use client";
import { useActionState } from "react";
import type { SignInState } from "@/server/auth/actions";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field, Input } from "./ui/field";

export function SignInForm({
  action,
  next,
  notice,
  footer,
}: {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  next?: string;
  notice?: string;
  footer?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? <Alert tone="error" testId="sign-in-error">{state.error}</Alert> : notice ? <Alert tone="warning" testId="sign-in-notice">{notice}</Alert> : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" required>
        {(ids) => <Input {...ids} name="email" type="email" autoComplete="username" defaultValue={state.email} required autoFocus />}
      </Field>
      <Field label="Password" required>
        {(ids) => <Input {...ids} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</Button>
      {footer}
    </form>
  );
}

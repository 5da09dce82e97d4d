"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { passwordRules } from "@/server/schemas/password";
import { acceptInvitationAction, type AcceptState } from "./actions";

export function AcceptInvitationForm({ token, email, firstName, lastName }: { token: string; email: string; firstName: string | null; lastName: string | null }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert tone="error" testId="accept-error">{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label="Email">{(ids) => <Input {...ids} value={email} readOnly disabled />}</Field>
      <Field label="First name" required error={state.fieldErrors?.firstName}>
        {(ids) => <Input {...ids} name="firstName" defaultValue={firstName ?? ""} autoComplete="given-name" required />}
      </Field>
      <Field label="Last name" required error={state.fieldErrors?.lastName}>
        {(ids) => <Input {...ids} name="lastName" defaultValue={lastName ?? ""} autoComplete="family-name" required />}
      </Field>
      <Field label="Password" required hint={passwordRules} error={state.fieldErrors?.password}>
        {(ids) => <Input {...ids} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Creating your account…" : "Accept and create account"}</Button>
    </form>
  );
}

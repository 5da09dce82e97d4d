"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { passwordRules } from "@/server/schemas/password";
import { acceptInvitationAction, type AcceptState } from "./actions";

type Consent = { id: number; title: string; body: string; mandatory: boolean };

export function AcceptInvitationForm({
  token,
  email,
  firstName,
  lastName,
  consents,
}: {
  token: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  consents: Consent[];
}) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, {});
  const consentError = state.fieldErrors?.consentIds?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <Alert tone="error" testId="accept-error">
          {state.error}
        </Alert>
      ) : null}
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
      {consents.length ? (
        // The consents registration asks for, asked here too (server/services/invitations.ts records them).
        <fieldset className="space-y-2" aria-describedby={consentError ? "consent-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">Consents</legend>
          {consents.map((consent) => (
            <div key={consent.id}>
              <Checkbox
                name="consentIds"
                value={consent.id}
                label={
                  <span>
                    <strong className="font-medium">{consent.title}</strong>
                    {consent.mandatory ? (
                      <span className="text-red-600" aria-hidden>
                        {" "}
                        *
                      </span>
                    ) : (
                      <span className="text-slate-500"> (optional)</span>
                    )}
                  </span>
                }
                aria-invalid={consentError && consent.mandatory ? true : undefined}
              />
              <p className="ml-6 text-xs text-slate-500">{consent.body}</p>
            </div>
          ))}
          {consentError ? (
            <p id="consent-error" className="text-xs text-red-600">
              {consentError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Accept and create account"}
      </Button>
    </form>
  );
}

"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import { SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { registrationForm, type RegistrationForm } from "@/server/schemas/identity";
import { passwordRules } from "@/server/schemas/password";
import type { ActionResult } from "@/server/api/action";
import { NameFields } from "@/components/name-fields";
import { ClientForm } from "@/components/ui/client-form";

type Options = {
  companyNameFieldShown: boolean;
  localizations: { code: string; name: string }[];
  consents: { id: number; title: string; body: string; mandatory: boolean }[];
};

type Register = (values: RegistrationForm) => Promise<ActionResult<{ next: "confirm-email" | "sign-in" }>>;

export function RegisterForm({ options, locale, action }: { options: Options; locale?: string; action: Register }) {
  const schema = useMemo(
    () =>
      registrationForm({
        companyNameRequired: options.companyNameFieldShown,
        mandatoryConsents: options.consents.filter((c) => c.mandatory),
      }),
    [options],
  );
  const form = useForm<RegistrationForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      companyName: "",
      firstName: "",
      lastName: "",
      email: "",
      password: "",
      passwordConfirmation: "",
      consentIds: [],
      localization: locale,
    },
  });
  const [done, setDone] = useState<{ next: "confirm-email" | "sign-in"; email: string } | null>(null);
  const consentIds = useWatch({ control: form.control, name: "consentIds" }) ?? [];
  const consentError = form.formState.errors.consentIds?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values as RegistrationForm);
    if (!result) return; // redirected: signed in at once
    if (!result.ok) return applyServerErrors(result, form.setError);
    setDone({ next: result.data.next, email: String(values.email) });
  });

  if (done) {
    return done.next === "confirm-email" ? (
      <div className="space-y-3 text-sm text-slate-700" data-testid="registration-done">
        <Alert tone="success">
          Check your email to finish: we sent a confirmation link to <strong>{done.email}</strong>.
        </Alert>
        <p>Follow the link within 24 hours to activate your account. Then sign in with your email and password.</p>
        <p>
          No email after a few minutes? Look in your spam folder, or{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/confirm/resend">
            send it again
          </Link>
          .
        </p>
      </div>
    ) : (
      <div className="space-y-3 text-sm text-slate-700" data-testid="registration-done">
        <Alert tone="success">Your account is ready.</Alert>
        <p>
          <Link className="font-medium text-brand-700 hover:underline" href="/login">
            Sign in
          </Link>{" "}
          with your email and password.
        </p>
      </div>
    );
  }

  const toggleConsent = (id: number, checked: boolean) =>
    form.setValue("consentIds", checked ? [...consentIds, id] : consentIds.filter((c) => c !== id), {
      shouldValidate: form.formState.isSubmitted,
    });

  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4">
      {options.companyNameFieldShown ? (
        <TextField form={form} name="companyName" label="Company name" autoComplete="organization" required />
      ) : null}
      <NameFields form={form} />
      <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="password" label="Password" type="password" autoComplete="new-password" hint={passwordRules} required />
        <TextField
          form={form}
          name="passwordConfirmation"
          label="Repeat the password"
          type="password"
          autoComplete="new-password"
          required
        />
      </div>
      {options.localizations.length > 1 ? (
        <SelectField form={form} name="localization" label="Language" hint="The language of the emails we send you.">
          {options.localizations.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {options.consents.length ? (
        <fieldset className="space-y-2" aria-describedby={consentError ? "consent-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">Consents</legend>
          {options.consents.map((consent) => (
            <div key={consent.id}>
              <Checkbox
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
                checked={consentIds.includes(consent.id)}
                onChange={(event) => toggleConsent(consent.id, event.target.checked)}
                aria-invalid={consentError && consent.mandatory && !consentIds.includes(consent.id) ? true : undefined}
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
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
    </ClientForm>
  );
}

"use client";
import { useWatch } from "react-hook-form";
import { NameFields } from "@/components/name-fields";
import { CheckboxField, TextField } from "@/components/ui/form-field";
import { passwordRules } from "@/server/schemas/password";
import { FormSection } from "./form-section";
import type { Form, Mode } from "./values";

/** Enabled, name, email, birthday, phone; on create, the password or Generate Password, and the welcome email. */
export function PersonSection({ form, mode }: { form: Form; mode: Mode }) {
  return (
    <FormSection title="General">
      <div>
        <CheckboxField form={form} name="enabled" label="Enabled" />
        <p className="ml-6 text-xs text-slate-500">Enabled users can sign in and work; they need at least one role.</p>
      </div>
      <NameFields form={form} />
      <div className="grid gap-4 sm:grid-cols-6">
        <TextField form={form} name="email" label="Email" type="email" autoComplete="off" required className="sm:col-span-6" />
        <TextField
          form={form}
          name="birthday"
          label="Birthday"
          type="date"
          max={new Date().toISOString().slice(0, 10)}
          className="sm:col-span-3"
        />
        <TextField form={form} name="phone" label="Phone" type="tel" className="sm:col-span-3" />
      </div>
      {mode === "create" ? <PasswordChoice form={form} /> : null}
    </FormSection>
  );
}

function PasswordChoice({ form }: { form: Form }) {
  const generatePassword = useWatch({ control: form.control, name: "generatePassword" });
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div>
        <CheckboxField form={form} name="generatePassword" label="Generate Password" />
        <p className="ml-6 text-xs text-slate-500">
          The user chooses a password from the welcome email&apos;s single-use link; no one ever sees a generated one.
        </p>
      </div>
      {generatePassword ? null : (
        <TextField form={form} name="password" label="Password" type="password" autoComplete="new-password" hint={passwordRules} required />
      )}
      <div>
        <CheckboxField form={form} name="sendWelcomeEmail" label="Send Welcome Email" />
        <p className="ml-6 text-xs text-slate-500">It never contains the password: a link to choose one, or to sign in.</p>
      </div>
    </div>
  );
}

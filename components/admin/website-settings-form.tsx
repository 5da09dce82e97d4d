"use client";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Field, Input } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { updateWebsiteSettingsInput, type UpdateWebsiteSettingsInput } from "@/server/schemas/settings";

type Choices = {
  localizations: { id: number; code: string; name: string }[];
  roles: { id: number; label: string; public: boolean }[];
  staff: { id: number; firstName: string; lastName: string; email: string }[];
};

const switches: { name: Path<UpdateWebsiteSettingsInput>; label: string; hint: string }[] = [
  {
    name: "registrationAllowed",
    label: "Registration allowed",
    hint: "Visitors may create an account at /register. Off: the page and the API refuse.",
  },
  {
    name: "registrationLinkShown",
    label: "Registration link shown",
    hint: "Offer “Create an account” on the sign-in page (when registration is allowed).",
  },
  {
    name: "confirmationRequired",
    label: "Confirmation required",
    hint: "New users confirm their email address from a link before they can sign in.",
  },
  {
    name: "signInAfterRegistration",
    label: "Sign in after registration",
    hint: "Sign new users in at once (without confirmation), or when they follow the confirmation link.",
  },
  {
    name: "companyNameFieldShown",
    label: "Company name field shown",
    hint: "Ask for the company's name; otherwise the new customer is named after the person.",
  },
];

/** One website's storefront settings. They apply as soon as they are saved. */
export function WebsiteSettingsForm({
  values,
  choices,
  readOnly,
}: {
  values: UpdateWebsiteSettingsInput;
  choices: Choices;
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.admin.settings.update.mutationOptions());
  const form = useForm<UpdateWebsiteSettingsInput>({ resolver: zodResolver(updateWebsiteSettingsInput), defaultValues: values });
  const enabled = useWatch({ control: form.control, name: "localizationIds" }) ?? [];
  const defaultId = useWatch({ control: form.control, name: "defaultLocalizationId" });
  const errors = form.formState.errors;
  const revalidate = { shouldDirty: true, shouldValidate: form.formState.isSubmitted };

  const toggleLocalization = (id: number, on: boolean) => {
    const next = on ? [...enabled, id] : enabled.filter((l) => l !== id);
    form.setValue("localizationIds", next, revalidate);
    if (!on && defaultId === id) form.setValue("defaultLocalizationId", next[0] ?? null, revalidate);
    if (on && next.length === 1) form.setValue("defaultLocalizationId", id, revalidate);
  };

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      const saved = await mutation.mutateAsync(input);
      form.reset({ ...input, updatedAt: saved.updatedAt });
      toast.success("Settings saved. The storefront uses them from now on.");
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });

  return (
    <ClientForm onSubmit={onSubmit} className="space-y-8" aria-label="Website settings">
      <fieldset disabled={readOnly} className="space-y-8">
        <section className="space-y-3">
          <h2 className="text-base font-semibold text-slate-900">Registration</h2>
          {switches.map((s) => (
            <label key={s.name} className="flex items-start gap-3 text-sm">
              <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" {...form.register(s.name)} />
              <span>
                <span className="font-medium text-slate-800">{s.label}</span>
                <span className="block text-xs text-slate-500">{s.hint}</span>
              </span>
            </label>
          ))}
        </section>

        <section className="grid gap-4 md:grid-cols-2">
          <h2 className="text-base font-semibold text-slate-900 md:col-span-2">New customers and invitations</h2>
          <SelectField
            form={form}
            name="defaultRoleId"
            label="Role of new registrations"
            hint="A predefined public role, which every customer has."
            valueAsNumber
          >
            <option value="">None (registration closed)</option>
            {choices.roles.map((role) => (
              <option key={role.id} value={role.id} disabled={!role.public}>
                {role.label}
                {role.public ? "" : " (not public)"}
              </option>
            ))}
          </SelectField>
          <SelectField
            form={form}
            name="registrationOwnerId"
            label="Owner of self-registered customers"
            hint="The staff member who looks after customers created by registration."
            valueAsNumber
          >
            <option value="">Nobody</option>
            {choices.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.firstName} {s.lastName} ({s.email})
              </option>
            ))}
          </SelectField>
          <Field
            label="Invitation lifetime (hours)"
            hint="How long an invitation link works: 1 to 720 hours (168 is a week)."
            error={errors.invitationTtlHours?.message}
            required
          >
            {(ids) => (
              <div className="w-32">
                <Input
                  {...ids}
                  type="number"
                  min={1}
                  max={720}
                  step={1}
                  {...form.register("invitationTtlHours", { valueAsNumber: true })}
                />
              </div>
            )}
          </Field>
        </section>

        <section className="space-y-2">
          <h2 className="text-base font-semibold text-slate-900">Localizations</h2>
          <p className="text-xs text-slate-500">
            The languages offered on this website; the default is used when a visitor&apos;s language is not offered.
          </p>
          <table className="text-sm" aria-label="Localizations">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-1 pr-6">Language</th>
                <th className="py-1 pr-6">Enabled</th>
                <th className="py-1">Default</th>
              </tr>
            </thead>
            <tbody>
              {choices.localizations.map((l) => (
                <tr key={l.id}>
                  <td className="py-1 pr-6">
                    {l.name} <span className="text-xs text-slate-500">({l.code})</span>
                  </td>
                  <td className="py-1 pr-6">
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-300"
                      aria-label={`${l.name} enabled`}
                      checked={enabled.includes(l.id)}
                      onChange={(e) => toggleLocalization(l.id, e.target.checked)}
                    />
                  </td>
                  <td className="py-1">
                    <input
                      type="radio"
                      name="defaultLocalization"
                      className="size-4 border-slate-300"
                      aria-label={`${l.name} is the default`}
                      checked={defaultId === l.id}
                      disabled={!enabled.includes(l.id)}
                      onChange={() => form.setValue("defaultLocalizationId", l.id, revalidate)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors.localizationIds?.message ? <p className="text-xs text-red-600">{errors.localizationIds.message}</p> : null}
          {errors.defaultLocalizationId?.message ? <p className="text-xs text-red-600">{errors.defaultLocalizationId.message}</p> : null}
        </section>
      </fieldset>
      {readOnly ? null : (
        <div className="flex justify-end">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : "Save settings"}
          </Button>
        </div>
      )}
    </ClientForm>
  );
}

"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-field";
import { addressInput, countries, type AddressInput } from "@/server/schemas/address";
import { ClientForm } from "@/components/ui/client-form";

export type AddressValues = AddressInput;

const empty: AddressValues = {
  label: "",
  organization: "",
  firstName: "",
  lastName: "",
  street: "",
  street2: "",
  city: "",
  postalCode: "",
  region: "",
  countryCode: "",
  phone: "",
  isPrimary: false,
  isBilling: false,
  isShipping: true,
  isDefaultBilling: false,
  isDefaultShipping: false,
};

/** Add or edit an address; `onSave` returns the refusal (if any) for the fields to show. */
export function AddressForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: Partial<Record<keyof AddressValues, unknown>>;
  onSave: (values: AddressValues, setError: ReturnType<typeof useForm<AddressValues>>["setError"]) => Promise<void>;
  onCancel: () => void;
}) {
  const defaults = Object.fromEntries(Object.entries(empty).map(([key, value]) => [key, initial?.[key as keyof AddressValues] ?? value])) as AddressValues;
  const form = useForm<AddressValues>({ resolver: zodResolver(addressInput), defaultValues: defaults });
  const onSubmit = form.handleSubmit((values) => onSave(values as AddressValues, form.setError));
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4" aria-label="Address">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="label" label="Label" placeholder="Office, Warehouse…" />
        <TextField form={form} name="organization" label="Organization" autoComplete="organization" />
        <TextField form={form} name="firstName" label="First name" autoComplete="given-name" />
        <TextField form={form} name="lastName" label="Last name" autoComplete="family-name" />
      </div>
      <TextField form={form} name="street" label="Street" autoComplete="address-line1" required />
      <TextField form={form} name="street2" label="Street, line 2" autoComplete="address-line2" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField form={form} name="postalCode" label="Postal code" autoComplete="postal-code" required />
        <TextField form={form} name="city" label="City" autoComplete="address-level2" required className="sm:col-span-2" />
        <TextField form={form} name="region" label="Region" autoComplete="address-level1" />
        <SelectField form={form} name="countryCode" label="Country" required className="sm:col-span-2">
          <option value="">Choose a country</option>
          {countries.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
        </SelectField>
      </div>
      <TextField form={form} name="phone" label="Phone" type="tel" autoComplete="tel" />
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Use it for</legend>
        <CheckboxField form={form} name="isBilling" label="Billing" />
        <CheckboxField form={form} name="isDefaultBilling" label="Default billing address" />
        <CheckboxField form={form} name="isShipping" label="Shipping" />
        <CheckboxField form={form} name="isDefaultShipping" label="Default shipping address" />
        <CheckboxField form={form} name="isPrimary" label="Primary address" />
      </fieldset>
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save address"}</Button>
      </div>
    </ClientForm>
  );
}

"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-field";
import { addressFieldNames, addressFlagNames, countries, type AddressInput } from "@/server/schemas/address";

/** A blank address, shipping by default: every field of the schema's list, text empty and flags off. */
export const emptyAddress = Object.fromEntries(
  addressFieldNames.map((name) => [name, addressFlagNames.includes(name) ? name === "isShipping" : ""]),
) as AddressInput;

/**
 * The fields of one address (server/schemas/address.ts) in a react-hook-form form: on their own (the storefront's
 * address book) or as one entry of a list, `prefix` naming it ("addresses.2").
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see form-field.tsx
export function AddressFields<T extends FieldValues>({ form, prefix }: { form: UseFormReturn<T, any, any>; prefix?: string }) {
  const name = (key: keyof AddressInput) => (prefix ? `${prefix}.${key}` : key) as Path<T>;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name={name("label")} label="Label" placeholder="Office, Warehouse…" />
        <TextField form={form} name={name("organization")} label="Organization" autoComplete="organization" />
        <TextField form={form} name={name("firstName")} label="First name" autoComplete="given-name" />
        <TextField form={form} name={name("lastName")} label="Last name" autoComplete="family-name" />
      </div>
      <TextField form={form} name={name("street")} label="Street" autoComplete="address-line1" required />
      <TextField form={form} name={name("street2")} label="Street, line 2" autoComplete="address-line2" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField form={form} name={name("postalCode")} label="Postal code" autoComplete="postal-code" required />
        <TextField form={form} name={name("city")} label="City" autoComplete="address-level2" required className="sm:col-span-2" />
        <TextField form={form} name={name("region")} label="Region" autoComplete="address-level1" />
        <SelectField form={form} name={name("countryCode")} label="Country" required className="sm:col-span-2">
          <option value="">Choose a country</option>
          {countries.map(([code, country]) => (
            <option key={code} value={code}>
              {country}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField form={form} name={name("phone")} label="Phone" type="tel" autoComplete="tel" />
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Use it for</legend>
        <CheckboxField form={form} name={name("isBilling")} label="Billing" />
        <CheckboxField form={form} name={name("isDefaultBilling")} label="Default billing address" />
        <CheckboxField form={form} name={name("isShipping")} label="Shipping" />
        <CheckboxField form={form} name={name("isDefaultShipping")} label="Default shipping address" />
        <CheckboxField form={form} name={name("isPrimary")} label="Primary address" />
      </fieldset>
    </div>
  );
}

"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/ui/form-field";

type NameParts = { namePrefix?: unknown; firstName: unknown; middleName?: unknown; lastName: unknown; nameSuffix?: unknown };

/** Prefix, first, middle and last name, suffix: the name parts of the registration and profile forms. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see form-field.tsx
export function NameFields<T extends FieldValues & NameParts>({ form }: { form: UseFormReturn<T, any, any> }) {
  const name = (key: keyof NameParts) => key as Path<T>;
  return (
    <div className="grid gap-4 sm:grid-cols-6">
      <TextField form={form} name={name("namePrefix")} label="Prefix" autoComplete="honorific-prefix" className="sm:col-span-1" />
      <TextField form={form} name={name("firstName")} label="First name" autoComplete="given-name" required className="sm:col-span-3" />
      <TextField form={form} name={name("middleName")} label="Middle name" autoComplete="additional-name" className="sm:col-span-2" />
      <TextField form={form} name={name("lastName")} label="Last name" autoComplete="family-name" required className="sm:col-span-4" />
      <TextField form={form} name={name("nameSuffix")} label="Suffix" autoComplete="honorific-suffix" className="sm:col-span-2" />
    </div>
  );
}

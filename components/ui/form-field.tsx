"use client";
import type { ComponentProps, ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Checkbox, Field, Input, Select } from "./field";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the transformed (output) type does not matter here
type Form<T extends FieldValues> = UseFormReturn<T, any, any>;

function errorOf<T extends FieldValues>(form: Form<T>, name: Path<T>) {
  return form.getFieldState(name, form.formState).error?.message;
}

/** A react-hook-form text input with its label, hint and error (see Field). */
export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  className,
  ...input
}: { form: Form<T>; name: Path<T>; label: ReactNode; hint?: ReactNode; required?: boolean; className?: string } & Omit<
  ComponentProps<"input">,
  "name" | "form"
>) {
  return (
    <Field label={label} hint={hint} error={errorOf(form, name)} required={required} className={className}>
      {(ids) => <Input {...ids} {...input} {...form.register(name)} />}
    </Field>
  );
}

/** A select's value as a number; "Choose…" (empty) and an unset default (null) stay null rather than 0. */
const toNumberOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  className,
  children,
  valueAsNumber,
}: {
  form: Form<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
  valueAsNumber?: boolean;
}) {
  return (
    <Field label={label} hint={hint} error={errorOf(form, name)} required={required} className={className}>
      {(ids) => (
        <Select {...ids} {...form.register(name, valueAsNumber ? { setValueAs: toNumberOrNull } : {})}>
          {children}
        </Select>
      )}
    </Field>
  );
}

export function CheckboxField<T extends FieldValues>({ form, name, label }: { form: Form<T>; name: Path<T>; label: ReactNode }) {
  const error = errorOf(form, name);
  return (
    <div>
      <Checkbox label={label} aria-invalid={error ? true : undefined} {...form.register(name)} />
      {error ? <p className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}

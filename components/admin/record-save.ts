"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/ui/form";

type Options<T extends FieldValues> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see form-field.tsx
  form: UseFormReturn<T, any, any>;
  /** The record being edited, with the version its values were loaded at; absent on create. */
  existing?: { id: number; version: number };
  create: (values: T) => Promise<{ id: number }>;
  update: (values: T & { id: number; version: number }) => Promise<{ version: number }>;
  saved: string;
  created: (values: T) => string;
  /** The new record's page, opened after a create. */
  pathOf: (id: number) => string;
};

/**
 * The submit handler of a create-or-edit form: an edit saves against the version it rests on (optimistic locking,
 * then each save's new version) and stays; a create opens the new record's page. Refusals land on the form.
 */
export function useRecordSave<T extends FieldValues>({ form, existing, create, update, saved, created, pathOf }: Options<T>) {
  const router = useRouter();
  const [version, setVersion] = useState(existing?.version ?? 0);
  return form.handleSubmit(async (values: T) => {
    try {
      if (existing) {
        const result = await update({ ...values, id: existing.id, version });
        setVersion(result.version);
        form.reset(values);
        toast.success(saved);
        router.refresh();
      } else {
        const { id } = await create(values);
        toast.success(created(values));
        router.push(pathOf(id));
      }
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
}

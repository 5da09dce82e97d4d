"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { AddressFields, emptyAddress } from "@/components/address-fields";
import { addressInput, type AddressInput } from "@/server/schemas/address";
import { ClientForm } from "@/components/ui/client-form";

export type AddressValues = AddressInput;

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
  const defaults = Object.fromEntries(
    Object.entries(emptyAddress).map(([key, value]) => [key, initial?.[key as keyof AddressValues] ?? value]),
  ) as AddressValues;
  const form = useForm<AddressValues>({ resolver: zodResolver(addressInput), defaultValues: defaults });
  const onSubmit = form.handleSubmit((values) => onSave(values as AddressValues, form.setError));
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4" aria-label="Address">
      <AddressFields form={form} />
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save address"}
        </Button>
      </div>
    </ClientForm>
  );
}

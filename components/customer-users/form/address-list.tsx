"use client";
import { useFieldArray } from "react-hook-form";
import { AddressFields, emptyAddress } from "@/components/address-fields";
import { Button } from "@/components/ui/button";
import { FormSection } from "./form-section";
import type { Form } from "./values";

/** The user's address book: add and remove addresses; the first one added is the default of both kinds. */
export function AddressList({ form }: { form: Form }) {
  const addresses = useFieldArray({ control: form.control, name: "addresses", keyName: "key" });
  const first = addresses.fields.length === 0;
  return (
    <FormSection title="Addresses" description="Billing and shipping addresses, each type with one default.">
      {first ? <p className="text-sm text-slate-500">No addresses yet.</p> : null}
      {addresses.fields.map((field, index) => (
        <div key={field.key} role="group" aria-label={`Address ${index + 1}`} className="rounded-md border border-slate-200 p-4">
          <div className="mb-3 flex items-center justify-between">
            <h3 className="text-sm font-semibold text-slate-800">Address {index + 1}</h3>
            <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => addresses.remove(index)}>
              Remove address {index + 1}
            </Button>
          </div>
          <AddressFields form={form} prefix={`addresses.${index}`} />
        </div>
      ))}
      <Button
        variant="secondary"
        onClick={() => addresses.append({ ...emptyAddress, isBilling: first, isDefaultBilling: first, isDefaultShipping: first })}
      >
        Add address
      </Button>
    </FormSection>
  );
}

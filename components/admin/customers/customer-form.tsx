"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ClientForm } from "@/components/ui/client-form";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { AddressForm, type AddressValues } from "@/components/addresses/address-form";
import { countries } from "@/server/schemas/address";
import { createCustomerInput, updateCustomerInput, type CreateCustomerInput } from "@/server/schemas/customer";
import { CustomerPicker, type PickedCustomer } from "./customer-picker";

type Options = { groups: { id: number; name: string }[]; staff: { id: number; firstName: string; lastName: string; email: string }[] };

/** What the form starts from: a saved customer (edit) or a new one, maybe under a given parent. */
export type CustomerFormStart = {
  id?: number;
  version?: number;
  name: string;
  parent: PickedCustomer | null;
  groupId: number | null;
  salesRepIds: number[];
  enabled: boolean;
  /** For saying what disabling means for this customer. */
  userCount?: number;
};

type Values = CreateCustomerInput & { id?: number; version?: number };

const countryName = new Map(countries);

/** Create or edit a customer: name, parent, group, sales representatives, enabled; on create also addresses. */
export function CustomerForm({ start, options }: { start: CustomerFormStart; options: Options }) {
  const trpc = useTRPC();
  const router = useRouter();
  const editing = start.id !== undefined;
  const create = useMutation(trpc.admin.customers.create.mutationOptions());
  const update = useMutation(trpc.admin.customers.update.mutationOptions());
  const [parent, setParent] = useState(start.parent);
  const [addingAddress, setAddingAddress] = useState(false);
  const form = useForm<Values>({
    // One form for both procedures; each validates with its own schema.
    resolver: zodResolver(editing ? updateCustomerInput : createCustomerInput) as unknown as Resolver<Values>,
    defaultValues: {
      ...(editing ? { id: start.id, version: start.version } : { addresses: [] }),
      name: start.name,
      parentId: start.parent?.id ?? null,
      groupId: start.groupId,
      salesRepIds: start.salesRepIds,
      enabled: start.enabled,
    },
  });
  const addresses = useWatch({ control: form.control, name: "addresses" }) ?? [];
  const enabled = useWatch({ control: form.control, name: "enabled" });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (editing) {
        const { addresses: _addresses, ...fields } = values;
        const saved = await update.mutateAsync(fields as Parameters<typeof update.mutateAsync>[0]);
        toast.success(
          saved.signedOut
            ? `${values.name} is saved and disabled: ${saved.signedOut} signed-in users were signed out.`
            : `${values.name} is saved.`,
        );
        router.push(`/admin/customers/${saved.id}`);
      } else {
        const created = await create.mutateAsync(values as Parameters<typeof create.mutateAsync>[0]);
        toast.success(`${values.name} is created.`);
        router.push(`/admin/customers/${created.id}`);
      }
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });

  const parentError = form.formState.errors.parentId?.message;
  const addressesError = form.formState.errors.addresses?.message ?? form.formState.errors.addresses?.root?.message;

  return (
    <>
      <ClientForm onSubmit={onSubmit} aria-label="Customer" className="space-y-6">
        <Card>
          <CardBody className="space-y-4">
            <TextField form={form} name="name" label="Name" required autoComplete="organization" />
            <Field
              label="Parent customer"
              hint="Leave empty for a top-level customer. A customer cannot be a subsidiary of itself or of one of its own subsidiaries."
              error={parentError}
            >
              {(ids) => (
                <div className="flex gap-2">
                  <div className="min-w-0 flex-1">
                    <CustomerPicker
                      id={ids.id}
                      describedBy={ids["aria-describedby"]}
                      invalid={ids["aria-invalid"]}
                      value={parent}
                      onChange={(picked) => {
                        setParent(picked);
                        form.setValue("parentId", picked?.id ?? null, { shouldDirty: true });
                        form.clearErrors("parentId");
                      }}
                    />
                  </div>
                  {parent ? (
                    <Button
                      variant="ghost"
                      onClick={() => {
                        setParent(null);
                        form.setValue("parentId", null, { shouldDirty: true });
                      }}
                    >
                      Make top-level
                    </Button>
                  ) : null}
                </div>
              )}
            </Field>
            <SelectField form={form} name="groupId" label="Group" valueAsNumber>
              <option value="">No group</option>
              {options.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </SelectField>
            <Controller
              control={form.control}
              name="salesRepIds"
              render={({ field, fieldState }) => (
                <fieldset>
                  <legend className="text-sm font-medium text-slate-700">Sales representatives</legend>
                  <p className="text-xs text-slate-500">
                    Staff limited to the customers they represent reach this customer through this list.
                  </p>
                  <div className="mt-2 grid max-h-48 gap-1 overflow-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                    {options.staff.map((person) => {
                      const checked = (field.value ?? []).includes(person.id);
                      return (
                        <label key={person.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
                          <input
                            type="checkbox"
                            className="size-4 rounded border-slate-300"
                            checked={checked}
                            onChange={() =>
                              field.onChange(checked ? field.value!.filter((v) => v !== person.id) : [...(field.value ?? []), person.id])
                            }
                          />
                          {person.firstName} {person.lastName}
                        </label>
                      );
                    })}
                  </div>
                  {fieldState.error ? <p className="mt-1 text-xs text-red-600">{fieldState.error.message}</p> : null}
                </fieldset>
              )}
            />
            <div>
              <CheckboxField form={form} name="enabled" label="Enabled" />
              <p className="mt-1 text-xs text-slate-500" data-testid="enabled-hint">
                {enabled
                  ? "A disabled customer's users cannot sign in, and those signed in are signed out at once. Its subsidiaries are not affected."
                  : editing && start.enabled
                    ? `Saving disables this customer: its ${start.userCount ?? 0} users are signed out at once and cannot sign in until it is enabled again. Nothing else about them changes, and its subsidiaries stay enabled.`
                    : "Its users cannot sign in while it is disabled. Its subsidiaries are not affected."}
              </p>
            </div>
          </CardBody>
        </Card>

        {editing ? null : (
          <Card>
            <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
              <div>
                <h2 className="text-base font-semibold text-slate-900">Addresses</h2>
                <p className="text-sm text-slate-500">Billing and shipping addresses; more can be added on the customer&apos;s page.</p>
              </div>
              <Button variant="secondary" onClick={() => setAddingAddress(true)}>
                Add address
              </Button>
            </div>
            <CardBody>
              {addresses.length === 0 ? <p className="text-sm text-slate-500">No addresses yet.</p> : null}
              <ul className="space-y-2" aria-label="Addresses to add">
                {addresses.map((address, index) => (
                  <li key={index} className="flex items-start justify-between gap-4 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <span>
                      <span className="font-medium">{address.label || address.street}</span>
                      <span className="text-slate-600">
                        {" "}
                        — {address.street}, {address.postalCode} {address.city},{" "}
                        {countryName.get(String(address.countryCode)) ?? address.countryCode}
                      </span>
                      <span className="block text-xs text-slate-500">{describeUse(address)}</span>
                    </span>
                    <Button
                      variant="ghost"
                      className="px-2 py-1 text-xs text-red-700"
                      onClick={() =>
                        form.setValue(
                          "addresses",
                          addresses.filter((_, i) => i !== index),
                        )
                      }
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
              {addressesError ? <p className="mt-2 text-xs text-red-600">{addressesError}</p> : null}
            </CardBody>
          </Card>
        )}

        <div className="flex justify-end gap-2">
          <ButtonLink variant="secondary" href={editing ? `/admin/customers/${start.id}` : "/admin/customers"}>
            Cancel
          </ButtonLink>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : editing ? "Save customer" : "Create customer"}
          </Button>
        </div>
      </ClientForm>
      {/* Outside the customer form: the address form is a form of its own, and forms do not nest. */}
      <Dialog open={addingAddress} onClose={() => setAddingAddress(false)} title="Add an address" footer={false}>
        {addingAddress ? (
          <AddressForm
            onCancel={() => setAddingAddress(false)}
            onSave={async (values: AddressValues) => {
              form.setValue("addresses", [...addresses, values], { shouldDirty: true });
              form.clearErrors("addresses");
              setAddingAddress(false);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function describeUse(address: AddressValues) {
  const uses = [
    address.isBilling ? (address.isDefaultBilling ? "default billing" : "billing") : null,
    address.isShipping ? (address.isDefaultShipping ? "default shipping" : "shipping") : null,
    address.isPrimary ? "primary" : null,
  ].filter(Boolean);
  return uses.join(", ");
}

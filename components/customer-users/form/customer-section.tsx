"use client";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { useTRPC } from "@/components/trpc";
import { CustomerPicker, type CustomerChoices } from "@/components/admin/customers/customer-picker";
import { Checkbox, Field } from "@/components/ui/field";
import { SelectField, TextField } from "@/components/ui/form-field";
import type { customerPurposes } from "@/server/schemas/customerUser";
import { FormSection } from "./form-section";
import type { CustomerChoice, CustomerUserRecord, Form, Mode, Options } from "./values";

type Picked = { id: number; name: string } | null;

/**
 * The customer (an existing one, or a new subsidiary created under a parent on save), the sales representatives
 * (the customer's, until changed by hand), the website and its preferred localization.
 */
export function CustomerSection({
  form,
  mode,
  record,
  options,
}: {
  form: Form;
  mode: Mode;
  record: CustomerUserRecord | null;
  options: Options;
}) {
  const trpc = useTRPC();
  const { setValue, formState } = form;
  const errors = formState.errors;
  const [customerMode, setCustomerMode] = useState<"existing" | "new">("existing");
  const [customer, setCustomer] = useState<Picked>(record ? { id: record.customer.id, name: record.customer.name } : null);
  const [parent, setParent] = useState<Picked>(null);
  const repsTouched = useRef(mode === "edit");
  const followCustomer = (choice: CustomerChoice | undefined) => {
    if (choice && !repsTouched.current) setValue("salesRepresentativeIds", choice.salesRepresentativeIds);
  };
  const choicesFor =
    (purpose: (typeof customerPurposes)[number]): CustomerChoices<CustomerChoice> =>
    (search) =>
      trpc.admin.customerUsers.customerChoices.queryOptions({ search, purpose });
  const chooseMode = (next: "existing" | "new") => {
    setCustomerMode(next);
    if (next === "new") {
      setValue("customerId", null);
      setValue("newCustomer", { name: "", parentId: parent?.id ?? (undefined as unknown as number) });
    } else {
      setValue("newCustomer", null);
      setValue("customerId", customer?.id ?? null);
    }
  };

  return (
    <FormSection title="Customer and website">
      <div role="radiogroup" aria-label="Customer" className="flex flex-wrap gap-4 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="customer-mode" checked={customerMode === "existing"} onChange={() => chooseMode("existing")} /> Existing
          customer
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="customer-mode" checked={customerMode === "new"} onChange={() => chooseMode("new")} /> New subsidiary of
          a customer
        </label>
      </div>
      {customerMode === "existing" ? (
        <Field label="Customer" required error={errors.customerId?.message} hint="The company this user acts for.">
          {(ids) => (
            <CustomerPicker
              id={ids.id}
              describedBy={ids["aria-describedby"]}
              invalid={ids["aria-invalid"]}
              value={customer}
              choices={choicesFor(mode === "create" ? "create" : "edit")}
              onChange={(picked, option) => {
                setCustomer(picked);
                setValue("customerId", picked?.id ?? null, { shouldValidate: formState.isSubmitted });
                followCustomer(option);
              }}
            />
          )}
        </Field>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField form={form} name="newCustomer.name" label="New customer name" required />
          <Field
            label="Parent customer"
            required
            error={errors.newCustomer?.parentId?.message ?? errors.newCustomer?.message}
            hint="The new customer is created as its subsidiary when you save."
          >
            {(ids) => (
              <CustomerPicker
                id={ids.id}
                describedBy={ids["aria-describedby"]}
                invalid={ids["aria-invalid"]}
                value={parent}
                choices={choicesFor("subsidiary")}
                onChange={(picked, option) => {
                  setParent(picked);
                  setValue("newCustomer.parentId", picked?.id ?? (undefined as unknown as number), {
                    shouldValidate: formState.isSubmitted,
                  });
                  followCustomer(option);
                }}
              />
            )}
          </Field>
        </div>
      )}
      <SalesRepresentatives form={form} staff={options.staff} onToggle={() => (repsTouched.current = true)} />
      <WebsiteFields form={form} websites={options.websites} />
    </FormSection>
  );
}

/** Check boxes writing the chosen staff users' ids into `salesRepresentativeIds`. */
function SalesRepresentatives({ form, staff, onToggle }: { form: Form; staff: Options["staff"]; onToggle: () => void }) {
  const value = useWatch({ control: form.control, name: "salesRepresentativeIds" });
  const error = form.formState.errors.salesRepresentativeIds?.message;
  const selected = new Set(value ?? []);
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...selected, id] : [...selected].filter((x) => x !== id);
    form.setValue("salesRepresentativeIds", next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    onToggle();
  };
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? "salesRepresentativeIds-error" : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-700">Sales Representatives</legend>
      {staff.length === 0 ? <p className="text-sm text-slate-500">No staff users.</p> : null}
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {staff.map((s) => (
          <div key={s.id}>
            <Checkbox
              label={`${s.firstName} ${s.lastName}`}
              checked={selected.has(s.id)}
              onChange={(event) => toggle(s.id, event.target.checked)}
            />
            <p className="ml-6 text-xs text-slate-500">{s.email}</p>
          </div>
        ))}
      </div>
      {error ? (
        <p id="salesRepresentativeIds-error" className="mt-2 text-sm text-red-600" data-testid="salesRepresentativeIds-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The website, and its preferred localization when it has more than one (asked again when the website changes). */
function WebsiteFields({ form, websites }: { form: Form; websites: Options["websites"] }) {
  const { setValue } = form;
  const websiteId = useWatch({ control: form.control, name: "websiteId" });
  const website = websites.find((w) => w.id === websiteId);
  const previousWebsite = useRef(websiteId);
  useEffect(() => {
    if (previousWebsite.current !== websiteId) setValue("localizationId", null);
    previousWebsite.current = websiteId;
  }, [websiteId, setValue]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField form={form} name="websiteId" label="Website" hint="Where the user lands after signing in." valueAsNumber>
        <option value="">None</option>
        {websites.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectField>
      {website && website.localizations.length > 1 ? (
        <SelectField
          form={form}
          name="localizationId"
          label="Preferred Localization"
          required
          hint="The language of the storefront and of the emails to this user."
          valueAsNumber
        >
          <option value="">Choose…</option>
          {website.localizations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}

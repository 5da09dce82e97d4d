"use client";
import { personValues } from "@/components/person-values";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { fieldErrorsOf, messageOf, useTRPC } from "@/components/trpc";
import { AddressFields, emptyAddress } from "@/components/address-fields";
import { NameFields } from "@/components/name-fields";
import { CustomerPicker, type CustomerChoices } from "@/components/admin/customers/customer-picker";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Checkbox, Field } from "@/components/ui/field";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";
import { fullName } from "@/components/format";
import {
  createCustomerUserInput,
  customerUserRecordProblems,
  issuePath,
  updateCustomerUserInput,
  type CreateCustomerUserInput,
} from "@/server/schemas/customerUser";
import { passwordRules } from "@/server/schemas/password";
import type { RouterOutputs } from "@/components/api-types";
import type { customerPurposes } from "@/server/schemas/customerUser";

/**
 * Create or edit a customer user, every step of the reference guide: Enabled, name, email, birthday, phone; the
 * customer (or a new subsidiary), sales representatives, website and preferred localization; addresses; roles.
 * Save sits at the top right and stays there while scrolling. A refused save keeps everything typed.
 */
type Options = RouterOutputs["admin"]["customerUsers"]["formOptions"];
type Values = CreateCustomerUserInput & { id?: number; version?: number };
type CustomerChoice = RouterOutputs["admin"]["customerUsers"]["customerChoices"][number];
type CustomerUserRecord = RouterOutputs["admin"]["customerUsers"]["get"];

function valuesOf(record: CustomerUserRecord | null, options: Options): Values {
  if (!record) {
    return {
      enabled: true,
      namePrefix: "",
      firstName: "",
      middleName: "",
      lastName: "",
      nameSuffix: "",
      email: "",
      birthday: "",
      phone: "",
      customerId: null,
      newCustomer: null,
      salesRepresentativeIds: [],
      websiteId: options.websites.find((w) => w.isDefault)?.id ?? options.websites[0]?.id ?? null,
      localizationId: null,
      roleIds: [],
      addresses: [],
      generatePassword: false,
      password: "",
      sendWelcomeEmail: false,
    };
  }
  return {
    id: record.id,
    version: record.version,
    enabled: record.enabled,
    ...personValues(record),
    email: record.email,
    customerId: record.customer.id,
    newCustomer: null,
    salesRepresentativeIds: record.salesRepresentatives.map((s) => s.id),
    websiteId: record.website?.id ?? null,
    localizationId: record.localization?.id ?? null,
    roleIds: record.roles.map((r) => r.id),
    addresses: record.addresses.map((a) =>
      Object.fromEntries(Object.entries(a).map(([key, value]) => [key, value ?? ""])),
    ) as Values["addresses"],
  };
}

/** The procedure's schema, plus the rules the form can check before the round trip (they depend on the choices). */
function formSchema(mode: "create" | "edit", websites: Options["websites"]) {
  const base = mode === "create" ? createCustomerUserInput : updateCustomerUserInput;
  return base.superRefine((value, ctx) => {
    const roles = customerUserRecordProblems(value).roleIds;
    if (roles) ctx.addIssue({ code: "custom", path: ["roleIds"], message: roles[0]! });
    const website = websites.find((w) => w.id === value.websiteId);
    if (website && website.localizations.length > 1 && !value.localizationId) {
      ctx.addIssue({ code: "custom", path: issuePath("localizationId"), message: "Choose the preferred localization for this website." });
    }
  });
}

function FormSection({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", className)}>
      <div className="border-b border-slate-200 px-5 py-3">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="text-sm text-slate-500">{description}</p> : null}
      </div>
      <div className="space-y-4 px-5 py-4">{children}</div>
    </section>
  );
}

/** Check boxes writing a list of ids into one form field. */
function IdCheckboxes({
  form,
  name,
  legend,
  items,
  onToggle,
  empty,
  legendHidden,
  columns,
}: {
  form: UseFormReturn<Values>;
  name: "roleIds" | "salesRepresentativeIds";
  legend: string;
  items: { id: number; label: ReactNode; hint?: ReactNode; disabled?: boolean }[];
  onToggle?: () => void;
  empty?: ReactNode;
  /** The legend only for screen readers (the section's title says it already). */
  legendHidden?: boolean;
  columns?: boolean;
}) {
  const value = useWatch({ control: form.control, name });
  const error = form.formState.errors[name]?.message;
  const selected = new Set(value ?? []);
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...selected, id] : [...selected].filter((x) => x !== id);
    form.setValue(name, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    onToggle?.();
  };
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className={legendHidden ? "sr-only" : "mb-2 text-sm font-medium text-slate-700"}>{legend}</legend>
      {items.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : null}
      <div className={columns ? "grid gap-2 sm:grid-cols-2 lg:grid-cols-3" : "space-y-2"}>
        {items.map((item) => (
          <div key={item.id}>
            <Checkbox
              label={item.label}
              checked={selected.has(item.id)}
              disabled={item.disabled}
              onChange={(event) => toggle(item.id, event.target.checked)}
            />
            {item.hint ? <p className="ml-6 text-xs text-slate-500">{item.hint}</p> : null}
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="mt-2 text-sm text-red-600" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CustomerUserForm({
  mode,
  record,
  options,
}: {
  mode: "create" | "edit";
  record: CustomerUserRecord | null;
  options: Options;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const schema = useMemo(() => formSchema(mode, options.websites), [mode, options.websites]);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: valuesOf(record, options) });
  const { control, setValue, getValues, formState } = form;
  const create = useMutation(trpc.admin.customerUsers.create.mutationOptions());
  const update = useMutation(trpc.admin.customerUsers.update.mutationOptions());
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | null>(null);

  // ----- customer: an existing one, or a new subsidiary under a parent
  const [customerMode, setCustomerMode] = useState<"existing" | "new">("existing");
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(
    record ? { id: record.customer.id, name: record.customer.name } : null,
  );
  const [parent, setParent] = useState<{ id: number; name: string } | null>(null);
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

  // ----- roles: the predefined ones and the customer's own, reloaded when the customer changes
  const customerId = useWatch({ control, name: "customerId" });
  const roleCustomer = customerMode === "new" ? null : customerId;
  const roles = useQuery({
    ...trpc.admin.customerUsers.roleChoices.queryOptions({ customerId: roleCustomer ?? null }),
    enabled: customerMode === "new" || roleCustomer !== null,
  });
  useEffect(() => {
    if (!roles.data) return;
    const allowed = new Set(roles.data.map((r) => r.id));
    const chosen = getValues("roleIds");
    if (chosen.some((id) => !allowed.has(id)))
      setValue(
        "roleIds",
        chosen.filter((id) => allowed.has(id)),
      );
  }, [roles.data, getValues, setValue]);

  // ----- website and localization: a new website asks for the localization again
  const websiteId = useWatch({ control, name: "websiteId" });
  const website = options.websites.find((w) => w.id === websiteId);
  const previousWebsite = useRef(websiteId);
  useEffect(() => {
    if (previousWebsite.current !== websiteId) setValue("localizationId", null);
    previousWebsite.current = websiteId;
  }, [websiteId, setValue]);

  const generatePassword = useWatch({ control, name: "generatePassword" });
  const addresses = useFieldArray({ control, name: "addresses", keyName: "key" });
  const errors = formState.errors;

  const onSubmit = form.handleSubmit(
    async (values) => {
      setProblem(null);
      try {
        if (mode === "create") {
          const { id } = await create.mutateAsync(values as CreateCustomerUserInput);
          toast.success("The customer user is created.");
          router.push(`/admin/customer-users/${id}`);
        } else {
          const { id, version: _v, ...rest } = values;
          await update.mutateAsync({ ...rest, id: id!, version: values.version! });
          toast.success("Your changes are saved.");
          router.push(`/admin/customer-users/${id}`);
          router.refresh();
        }
      } catch (error) {
        applyServerErrors(error, form.setError);
        // A stale version is a CONFLICT naming no field (a taken email names its field).
        const conflict = (error as { data?: { code?: string } }).data?.code === "CONFLICT";
        setProblem({ message: messageOf(error), stale: conflict && Object.keys(fieldErrorsOf(error)).length === 0 });
      }
    },
    () => setProblem({ message: "Some fields need your attention.", stale: false }),
  );

  const title = mode === "create" ? "Create Customer User" : `Edit ${record ? fullName(record) : "customer user"}`;
  const cancelHref = record ? `/admin/customer-users/${record.id}` : "/admin/customer-users";
  const saving = formState.isSubmitting || create.isSuccess;

  return (
    <ClientForm onSubmit={onSubmit} aria-label={title} className="space-y-6">
      <div className="sticky top-0 z-10 -mx-6 -mt-6 flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-slate-50/95 px-6 py-4 backdrop-blur">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
            <Link href="/admin/customer-users" className="hover:underline">
              Customer Users
            </Link>
            {record ? (
              <>
                {" "}
                /{" "}
                <Link href={`/admin/customer-users/${record.id}`} className="hover:underline">
                  {fullName(record)}
                </Link>
              </>
            ) : null}
          </nav>
          <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        </div>
        <div className="flex gap-2">
          <ButtonLink variant="secondary" href={cancelHref}>
            Cancel
          </ButtonLink>
          <Button type="submit" disabled={saving}>
            {formState.isSubmitting ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>

      {problem ? (
        <Alert tone="error" testId="form-problem">
          <p>{problem.message}</p>
          {problem.stale && record ? (
            <p className="mt-1">
              Your changes are still in the form.{" "}
              <a className="font-medium underline" href={`/admin/customer-users/${record.id}`} target="_blank" rel="noreferrer">
                Open the current version in a new tab
              </a>{" "}
              to compare.
            </p>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <FormSection title="General">
            <div>
              <CheckboxField form={form} name="enabled" label="Enabled" />
              <p className="ml-6 text-xs text-slate-500">Enabled users can sign in and work; they need at least one role.</p>
            </div>
            <NameFields form={form} />
            <div className="grid gap-4 sm:grid-cols-6">
              <TextField form={form} name="email" label="Email" type="email" autoComplete="off" required className="sm:col-span-6" />
              <TextField
                form={form}
                name="birthday"
                label="Birthday"
                type="date"
                max={new Date().toISOString().slice(0, 10)}
                className="sm:col-span-3"
              />
              <TextField form={form} name="phone" label="Phone" type="tel" className="sm:col-span-3" />
            </div>
            {mode === "create" ? (
              <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
                <div>
                  <CheckboxField form={form} name="generatePassword" label="Generate Password" />
                  <p className="ml-6 text-xs text-slate-500">
                    The user chooses a password from the welcome email&apos;s single-use link; no one ever sees a generated one.
                  </p>
                </div>
                {generatePassword ? null : (
                  <TextField
                    form={form}
                    name="password"
                    label="Password"
                    type="password"
                    autoComplete="new-password"
                    hint={passwordRules}
                    required
                  />
                )}
                <div>
                  <CheckboxField form={form} name="sendWelcomeEmail" label="Send Welcome Email" />
                  <p className="ml-6 text-xs text-slate-500">It never contains the password: a link to choose one, or to sign in.</p>
                </div>
              </div>
            ) : null}
          </FormSection>

          <FormSection title="Customer and website">
            <div role="radiogroup" aria-label="Customer" className="flex flex-wrap gap-4 text-sm">
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="customer-mode" checked={customerMode === "existing"} onChange={() => chooseMode("existing")} />{" "}
                Existing customer
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="customer-mode" checked={customerMode === "new"} onChange={() => chooseMode("new")} /> New
                subsidiary of a customer
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
            <IdCheckboxes
              form={form}
              name="salesRepresentativeIds"
              legend="Sales Representatives"
              columns
              onToggle={() => (repsTouched.current = true)}
              items={options.staff.map((s) => ({ id: s.id, label: `${s.firstName} ${s.lastName}`, hint: s.email }))}
              empty="No staff users."
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField form={form} name="websiteId" label="Website" hint="Where the user lands after signing in." valueAsNumber>
                <option value="">None</option>
                {options.websites.map((w) => (
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
          </FormSection>

          <FormSection title="Addresses" description="Billing and shipping addresses, each type with one default.">
            {addresses.fields.length === 0 ? <p className="text-sm text-slate-500">No addresses yet.</p> : null}
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
              onClick={() =>
                addresses.append({
                  ...emptyAddress,
                  isBilling: addresses.fields.length === 0,
                  isDefaultBilling: addresses.fields.length === 0,
                  isDefaultShipping: addresses.fields.length === 0,
                })
              }
            >
              Add address
            </Button>
          </FormSection>
        </div>

        <div className="space-y-6">
          <FormSection title="Roles" description="Permissions add up over all the roles selected." className="xl:sticky xl:top-28">
            {roleCustomer === null && customerMode === "existing" ? (
              <p className="text-sm text-slate-500">Choose the customer first: its own roles are offered with the predefined ones.</p>
            ) : null}
            {roles.isError ? <Alert tone="error">{messageOf(roles.error)}</Alert> : null}
            {roles.data ? (
              <IdCheckboxes
                form={form}
                name="roleIds"
                legend="Roles"
                legendHidden
                items={roles.data.map((role) => ({
                  id: role.id,
                  label: (
                    <>
                      {role.label} {role.predefined ? <Badge>Predefined</Badge> : <Badge tone="blue">Company role</Badge>}
                    </>
                  ),
                  disabled: !role.assignable,
                }))}
                empty="No roles are available."
              />
            ) : errors.roleIds?.message ? (
              <p className="text-sm text-red-600" data-testid="roleIds-error">
                {errors.roleIds.message}
              </p>
            ) : null}
          </FormSection>
        </div>
      </div>
    </ClientForm>
  );
}

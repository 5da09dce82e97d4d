"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { useTRPCClient } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { CheckboxField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { createCompanyRoleInput, createRoleInput, updateCompanyRoleInput, updateRoleInput } from "@/server/schemas/role";
import type { Level } from "@/server/authz/permissions";
import { CustomerPicker, type CustomerOption } from "./customer-picker";
import { grantsOf, rowsOf, type GrantRow, type Grants } from "./grants";
import { PermissionMatrix } from "./permission-matrix";
import { rolesPath, type Audience } from "./paths";

export type EditedRole = {
  id: number;
  version: number;
  label: string;
  customer: CustomerOption | null;
  selfManaged: boolean;
  public: boolean;
  permissions: GrantRow[];
};

type Values = {
  id?: number;
  version?: number;
  label: string;
  customerId?: number | null;
  selfManaged: boolean;
  public: boolean;
  permissions: GrantRow[];
};

function schemaFor(audience: Audience, editing: boolean) {
  if (audience === "admin") return editing ? updateRoleInput : createRoleInput;
  return editing ? updateCompanyRoleInput : createCompanyRoleInput;
}

/**
 * Creates or edits a role, for staff (customer or none, flags) and for a company's administrators (their company
 * or a subsidiary, levels up to their own). A storefront edit of a predefined role saves a company copy.
 */
export function RoleForm({
  audience,
  role,
  company,
  chooseCustomer = audience === "admin",
  maxLevels,
  copyNotice,
}: {
  audience: Audience;
  role?: EditedRole;
  /** The storefront's default customer for a new role: the administrator's own company. */
  company?: CustomerOption;
  chooseCustomer?: boolean;
  maxLevels?: Grants;
  /** Set when a storefront administrator edits a predefined role. */
  copyNotice?: { companyName: string; users: number };
}) {
  const router = useRouter();
  const client = useTRPCClient();
  const base = rolesPath(audience);
  const [customer, setCustomer] = useState<CustomerOption | null>(role ? role.customer : (company ?? null));
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(audience, !!role)) as unknown as Resolver<Values>,
    defaultValues: {
      ...(role ? { id: role.id, version: role.version } : {}),
      label: role?.label ?? "",
      customerId: customer?.id ?? null,
      selfManaged: role?.selfManaged ?? false,
      public: role?.public ?? true,
      permissions: role?.permissions ?? [],
    },
  });
  const permissions = grantsOf(useWatch({ control: form.control, name: "permissions" }));
  const permissionsError = form.formState.errors.permissions?.message;

  const save = async (values: Values) => {
    const body = { ...values, customerId: values.customerId ?? null };
    if (audience === "admin") {
      if (role) return client.admin.customerUserRoles.update.mutate({ ...body, id: role.id, version: role.version });
      return { ...(await client.admin.customerUserRoles.create.mutate(body)), copiedFrom: null, movedUsers: 0 };
    }
    if (role)
      return client.account.roles.update.mutate({
        id: role.id,
        version: role.version,
        label: values.label,
        permissions: values.permissions,
      });
    const created = await client.account.roles.create.mutate({
      label: values.label,
      permissions: values.permissions,
      customerId: values.customerId ?? undefined,
    });
    return { ...created, copiedFrom: null, movedUsers: 0 };
  };

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save(values);
      if (saved.copiedFrom) {
        toast.success(
          `A company copy of "${saved.copiedFrom.label}" was created; ${saved.movedUsers} user${saved.movedUsers === 1 ? "" : "s"} moved to it.`,
        );
        router.push(`${base}/${saved.id}?copied=${saved.movedUsers}`);
      } else {
        toast.success(role ? "The role is saved." : "The role is created.");
        router.push(`${base}/${saved.id}`);
      }
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });

  const setPermissions = (next: Record<string, Level>) => {
    form.setValue("permissions", rowsOf(next), { shouldDirty: true });
    form.clearErrors("permissions");
  };

  return (
    <ClientForm onSubmit={onSubmit} className="space-y-6" aria-label={role ? "Edit role" : "New role"}>
      {copyNotice && role ? (
        <Alert tone="warning" testId="copy-notice">
          &ldquo;{role.label}&rdquo; is a predefined role, shared by every company. Saving creates a copy of it for {copyNotice.companyName}{" "}
          with your changes and moves your company&rsquo;s {copyNotice.users} user{copyNotice.users === 1 ? "" : "s"} with &ldquo;
          {role.label}&rdquo; to the copy. Other companies keep the original.
        </Alert>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField form={form} name="label" label="Label" required hint="3 to 32 characters, unique for the customer." autoComplete="off" />
        {chooseCustomer && (audience === "admin" || !role) ? (
          <CustomerPicker
            audience={audience}
            value={customer}
            allowPredefined={audience === "admin"}
            error={form.formState.errors.customerId?.message}
            hint={
              audience === "admin"
                ? "Leave empty for a predefined role, available to every customer."
                : "Your company or one of its subsidiaries."
            }
            onChange={(next) => {
              setCustomer(next);
              form.setValue("customerId", next?.id ?? null, { shouldDirty: true });
              form.clearErrors("customerId");
            }}
          />
        ) : (
          <div className="space-y-1 text-sm">
            <div className="font-medium text-slate-700">Customer</div>
            <div className="py-2 text-slate-800" data-testid="role-customer">
              {customer?.name ?? (role ? "Predefined (every customer)" : "—")}
            </div>
          </div>
        )}
      </div>
      {audience === "admin" ? (
        <div className="flex flex-wrap gap-x-8 gap-y-2">
          <div>
            <CheckboxField form={form} name="selfManaged" label="Self-managed" />
            <p className="pl-6 text-xs text-slate-500">Customer administrators may change and assign it in the storefront.</p>
          </div>
          <div>
            <CheckboxField form={form} name="public" label="Public" />
            <p className="pl-6 text-xs text-slate-500">A predefined role every customer&rsquo;s administrators see and may assign.</p>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="permissions-heading" className="space-y-2">
        <h2 id="permissions-heading" className="text-base font-semibold text-slate-900">
          Permissions
        </h2>
        <PermissionMatrix
          value={permissions}
          onChange={setPermissions}
          maxLevels={maxLevels}
          hideUngrantable={!!maxLevels}
          error={permissionsError}
        />
      </section>
      <div className="flex justify-end gap-2">
        <ButtonLink variant="secondary" href={role ? `${base}/${role.id}` : base}>
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : copyNotice ? "Save as company copy" : role ? "Save role" : "Create role"}
        </Button>
      </div>
    </ClientForm>
  );
}

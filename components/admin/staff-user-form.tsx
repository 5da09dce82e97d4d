"use client";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/form-field";
import { useRecordSave } from "./record-save";
import { staffScopeLabels, type StaffScope } from "@/server/authz/permissions";
import { createStaffUserInput, type CreateStaffUserInput } from "@/server/schemas/staffUser";

export type StaffRoleChoice = {
  id: number;
  label: string;
  description: string | null;
  scope: StaffScope;
  permissionCount: number;
  beyondYou: string | null;
};

type Existing = { id: number; version: number; firstName: string; lastName: string; email: string; roleIds: number[] };

/**
 * Create or edit a staff member: names, email and roles. Roles granting more than the editor holds are marked up
 * front; saving them is refused with the same reason (the procedure decides, the form only warns).
 */
export function StaffUserForm({
  roles,
  existing,
  readOnly = false,
}: {
  roles: StaffRoleChoice[];
  existing?: Existing;
  readOnly?: boolean;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.staffUsers.create.mutationOptions());
  const update = useMutation(trpc.admin.staffUsers.update.mutationOptions());
  const form = useForm<CreateStaffUserInput>({
    resolver: zodResolver(createStaffUserInput),
    defaultValues: existing
      ? { firstName: existing.firstName, lastName: existing.lastName, email: existing.email, roleIds: existing.roleIds }
      : { firstName: "", lastName: "", email: "", roleIds: [] },
  });
  const roleIds = useWatch({ control: form.control, name: "roleIds" }) ?? [];
  const rolesError = form.formState.errors.roleIds?.message;
  const toggleRole = (id: number, on: boolean) =>
    form.setValue("roleIds", on ? [...roleIds, id] : roleIds.filter((r) => r !== id), {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });

  const onSubmit = useRecordSave({
    form,
    existing,
    create: create.mutateAsync,
    update: update.mutateAsync,
    saved: "The staff member is saved.",
    created: (values) => `${values.firstName} ${values.lastName} can now choose a password from the link sent to ${values.email}.`,
    pathOf: (id) => `/admin/staff/${id}`,
  });

  return (
    <ClientForm onSubmit={onSubmit} className="space-y-5" aria-label={existing ? "Staff member" : "New staff member"}>
      <fieldset disabled={readOnly} className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField form={form} name="firstName" label="First name" autoComplete="off" required />
          <TextField form={form} name="lastName" label="Last name" autoComplete="off" required />
        </div>
        <TextField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          required
          hint={
            existing
              ? "The sign-in name. A set-password link already sent to the old address stops working."
              : "The sign-in name; the set-password link goes here."
          }
        />
        <fieldset aria-describedby={rolesError ? "roles-error" : undefined} className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">
            Roles
            <span className="text-red-600" aria-hidden>
              {" "}
              *
            </span>
          </legend>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {roles.map((role) => (
              <li key={role.id} className="px-3 py-2">
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 rounded border-slate-300"
                    checked={roleIds.includes(role.id)}
                    onChange={(event) => toggleRole(role.id, event.target.checked)}
                    aria-label={role.label}
                    aria-describedby={`role-${role.id}-about`}
                    aria-invalid={rolesError ? true : undefined}
                  />
                  <span>
                    <span className="font-medium text-slate-900">{role.label}</span>{" "}
                    <Badge tone={role.scope === "ALL" ? "slate" : "blue"}>{staffScopeLabels[role.scope]}</Badge>
                    <span id={`role-${role.id}-about`} className="block text-xs text-slate-500">
                      {role.description ? `${role.description} · ` : ""}
                      {role.permissionCount} permission{role.permissionCount === 1 ? "" : "s"}
                    </span>
                    {role.beyondYou ? (
                      <span className="block text-xs text-amber-800" data-testid="role-beyond-you">
                        Grants more than you hold: {role.beyondYou}
                      </span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {rolesError ? (
            <p id="roles-error" className="text-xs text-red-600">
              {rolesError}
            </p>
          ) : null}
        </fieldset>
      </fieldset>
      {readOnly ? null : (
        <div className="flex justify-end gap-2">
          <ButtonLink variant="secondary" href="/admin/staff">
            Cancel
          </ButtonLink>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : existing ? "Save changes" : "Create and send the link"}
          </Button>
        </div>
      )}
    </ClientForm>
  );
}

"use client";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { TextField } from "@/components/ui/form-field";
import { useRecordSave } from "./record-save";
import { staffCatalogue, staffScopeLabels, type StaffPermissionInfo, type StaffScope } from "@/server/authz/permissions";
import { createStaffRoleInput, type CreateStaffRoleInput } from "@/server/schemas/staffRole";

type Existing = { id: number; version: number; label: string; description: string | null; scope: StaffScope; permissions: string[] };
/** The editor's own grants, permission → reach. */
export type HeldGrants = Record<string, StaffScope>;

/** The catalogue by group, in the order groups first appear (a group's operations join its entity permissions). */
const groups: { group: string; items: StaffPermissionInfo[] }[] = [];
for (const info of staffCatalogue) {
  const found = groups.find((g) => g.group === info.group);
  if (found) found.items.push(info);
  else groups.push({ group: info.group, items: [info] });
}

const scopeHelp: Record<StaffScope, string> = {
  ALL: "Its permissions reach every customer.",
  REPRESENTED:
    "Permissions marked “per customer” reach only the customers the staff member is sales representative of; the others are unaffected.",
};

/** Why the editor could not hand out this permission at this scope, or null when they could. */
function beyondEditor(info: StaffPermissionInfo, scope: StaffScope, held: HeldGrants) {
  const reach = held[info.key];
  if (!reach) return "You do not hold this permission";
  if (info.scoped && scope === "ALL" && reach === "REPRESENTED") return "You hold this only for the customers you represent";
  return null;
}

/**
 * A staff role: label, description, scope and the permission editor generated from the catalogue, grouped, with
 * "select all" per group. What lies beyond the editor's own grants is marked; saving it is refused with the reason.
 */
export function StaffRoleForm({ existing, held, readOnly = false }: { existing?: Existing; held: HeldGrants; readOnly?: boolean }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.staffRoles.create.mutationOptions());
  const update = useMutation(trpc.admin.staffRoles.update.mutationOptions());
  const form = useForm<CreateStaffRoleInput>({
    resolver: zodResolver(createStaffRoleInput),
    defaultValues: existing
      ? { label: existing.label, description: existing.description ?? "", scope: existing.scope, permissions: existing.permissions }
      : { label: "", description: "", scope: "ALL", permissions: [] },
  });
  const selected = useWatch({ control: form.control, name: "permissions" });
  const scope = useWatch({ control: form.control, name: "scope" });
  const chosen = useMemo(() => new Set(selected ?? []), [selected]);
  const set = (keys: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const key of keys)
      if (on) next.add(key);
      else next.delete(key);
    form.setValue(
      "permissions",
      staffCatalogue.map((i) => i.key).filter((k) => next.has(k)),
      { shouldDirty: true },
    );
  };
  const beyond = staffCatalogue.filter((info) => chosen.has(info.key) && beyondEditor(info, scope, held));

  const onSubmit = useRecordSave({
    form,
    existing,
    create: create.mutateAsync,
    update: update.mutateAsync,
    saved: "The role is saved. Its holders get the change on their next page.",
    created: (values) => `The role “${values.label}” is created.`,
    pathOf: (id) => `/admin/staff-roles/${id}`,
  });

  return (
    <ClientForm onSubmit={onSubmit} className="space-y-6" aria-label={existing ? "Staff role" : "New staff role"}>
      <fieldset disabled={readOnly} className="space-y-6">
        <div className="grid gap-4 md:grid-cols-2">
          <TextField form={form} name="label" label="Label" required autoComplete="off" />
          <Field label="Description" error={form.formState.errors.description?.message}>
            {(ids) => <Textarea {...ids} rows={2} {...form.register("description")} />}
          </Field>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Which customers it reaches</legend>
          <div className="flex flex-wrap gap-4">
            {(["ALL", "REPRESENTED"] as const).map((value) => (
              <label key={value} className="inline-flex items-center gap-2 text-sm">
                <input type="radio" value={value} {...form.register("scope")} className="size-4 border-slate-300" />
                {staffScopeLabels[value]}
              </label>
            ))}
          </div>
          <p className="text-xs text-slate-500">{scopeHelp[scope]}</p>
        </fieldset>

        <fieldset className="space-y-3" data-testid="permission-editor">
          <legend className="text-sm font-medium text-slate-700">Permissions</legend>
          {groups.map(({ group, items }) => {
            const keys = items.map((i) => i.key);
            const count = keys.filter((k) => chosen.has(k)).length;
            return (
              <div key={group} className="rounded-md border border-slate-200" role="group" aria-label={group}>
                <div className="flex items-center justify-between gap-3 border-b border-slate-100 bg-slate-50 px-3 py-2">
                  <span className="text-sm font-semibold text-slate-800">{group}</span>
                  <label className="inline-flex items-center gap-2 text-xs text-slate-600">
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-300"
                      aria-label={`Select all of ${group}`}
                      checked={count === keys.length}
                      ref={(el) => {
                        if (el) el.indeterminate = count > 0 && count < keys.length;
                      }}
                      onChange={(event) => set(keys, event.target.checked)}
                    />
                    Select all
                  </label>
                </div>
                <ul className="grid gap-x-4 md:grid-cols-2">
                  {items.map((info) => {
                    const warning = beyondEditor(info, scope, held);
                    return (
                      <li key={info.key} className="px-3 py-2" data-permission={info.key}>
                        <label className="flex items-start gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="mt-0.5 size-4 rounded border-slate-300"
                            checked={chosen.has(info.key)}
                            onChange={(event) => set([info.key], event.target.checked)}
                            aria-label={info.label}
                            aria-describedby={`permission-${info.key}-about`}
                          />
                          <span>
                            <span className="text-slate-900">{info.label}</span>
                            {info.scoped ? (
                              <>
                                {" "}
                                <Badge tone="blue">per customer</Badge>
                              </>
                            ) : null}
                            <span id={`permission-${info.key}-about`} className="block text-xs text-slate-500">
                              {info.description}
                              {warning ? <span className="block text-amber-800">{warning}</span> : null}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </fieldset>
      </fieldset>
      {readOnly ? null : (
        <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-white py-3">
          {beyond.length ? (
            <p className="mr-auto text-xs text-amber-800" data-testid="beyond-editor">
              {beyond.length} chosen permission{beyond.length === 1 ? "" : "s"} beyond your own: saving will be refused.
            </p>
          ) : null}
          <span className="text-xs text-slate-500">
            {chosen.size} of {staffCatalogue.length} permissions
          </span>
          <ButtonLink variant="secondary" href="/admin/staff-roles">
            Cancel
          </ButtonLink>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : existing ? "Save changes" : "Create role"}
          </Button>
        </div>
      )}
    </ClientForm>
  );
}

/** Deletes a role nobody holds, after asking; the procedure says why when it refuses. */
export function DeleteStaffRoleButton({ id, label }: { id: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const mutation = useMutation(
    trpc.admin.staffRoles.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`The role “${label}” is deleted.`);
        router.push("/admin/staff-roles");
      },
      onError: (error) => toast.error(messageOf(error)),
      onSettled: () => setOpen(false),
    }),
  );
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} disabled={!hydrated}>
        Delete role
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete “${label}”?`}
        confirmLabel="Delete"
        pending={mutation.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => mutation.mutate({ id })}
      >
        The role is removed for good. Nobody holds it.
      </ConfirmDialog>
    </>
  );
}

"use client";
import { useEffect, type ReactNode } from "react";
import { useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { useQuery } from "@tanstack/react-query";
import { messageOf, useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { RouterOutputs } from "@/components/api-types";

/**
 * The one role picker of the customer-user forms (the back office's create/edit, the storefront's user form and
 * its invitation form). It offers the roles the server lists for the chosen customer — the predefined ones and the
 * customer's own; only the predefined ones for a subsidiary created on save — and writes their ids into `roleIds`.
 * A role needing more than the actor holds is shown disabled with what it needs, unless the user holds it already.
 * Each role says whether it is predefined or the company's own: after a company edits a predefined role, its copy
 * keeps the label, and the two would otherwise look the same.
 */

export type RoleChoice = RouterOutputs["account"]["users"]["roleChoices"][number];

/** The fields the picker reads: the customer (or a subsidiary to create) and the roles. */
type RoleValues = { customerId?: number | null; newCustomer?: unknown; roleIds: number[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see form-field.tsx
type AnyForm<T extends FieldValues> = UseFormReturn<T, any, any>;

/** The roles' own error, where the form and the server put it. */
export const roleIdsErrorId = "roleIds-error";

export function RolePicker<T extends FieldValues & RoleValues>({
  form,
  audience,
  initial,
  legendHidden,
  required,
  hint,
}: {
  form: AnyForm<T>;
  /** Whose procedure lists the choices: the back office's or the storefront's (the same output). */
  audience: "staff" | "customer";
  /** The choices the page loaded already, for the customer the form starts with. */
  initial?: { customerId: number | null; roles: RoleChoice[] };
  /** The legend for screen readers only (a section's title says it already). */
  legendHidden?: boolean;
  /** Marks the legend as required (the forms where a user is always enabled). */
  required?: boolean;
  hint?: ReactNode;
}) {
  const trpc = useTRPC();
  const field = (name: keyof RoleValues) => name as Path<T>;
  const customerId = (useWatch({ control: form.control, name: field("customerId") }) as number | null | undefined) ?? null;
  const forNewCustomer = Boolean(useWatch({ control: form.control, name: field("newCustomer") }));
  const selected = (useWatch({ control: form.control, name: field("roleIds") }) as number[] | undefined) ?? [];
  /** The roles the user holds as loaded: kept choosable even when beyond the actor's grants. */
  const held: readonly number[] = (form.formState.defaultValues?.roleIds as number[] | undefined) ?? [];

  const input = { customerId: forNewCustomer ? null : customerId };
  // Both procedures answer the same shape (one service behind them); only the gate differs, so only the
  // audience's query runs.
  const active = forNewCustomer || customerId !== null;
  const initialData = initial && !forNewCustomer && customerId === initial.customerId ? initial.roles : undefined;
  const staffChoices = useQuery({
    ...trpc.admin.customerUsers.roleChoices.queryOptions(input),
    initialData: audience === "staff" ? initialData : undefined,
    enabled: audience === "staff" && active,
  });
  const customerChoices = useQuery({
    ...trpc.account.users.roleChoices.queryOptions(input),
    initialData: audience === "customer" ? initialData : undefined,
    enabled: audience === "customer" && active,
  });
  const query = audience === "staff" ? staffChoices : customerChoices;
  const roles = active ? query.data : undefined;

  const set = (ids: number[]) =>
    form.setValue(field("roleIds"), ids as PathValue<T, Path<T>>, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  // Another customer's roles do not carry over: keep only those the new choices offer.
  useEffect(() => {
    if (!query.data) return;
    const offered = new Set(query.data.map((role) => role.id));
    const chosen = (form.getValues(field("roleIds")) as number[] | undefined) ?? [];
    if (chosen.some((id) => !offered.has(id))) set(chosen.filter((id) => offered.has(id)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the choices change
  }, [query.data]);

  const error = form.getFieldState(field("roleIds"), form.formState).error?.message;
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined} aria-describedby={error ? roleIdsErrorId : undefined}>
      <legend className={legendHidden ? "sr-only" : "text-sm font-medium text-slate-700"}>
        Roles
        {required ? (
          <span className="text-red-600" aria-hidden>
            {" "}
            *
          </span>
        ) : null}
      </legend>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {!forNewCustomer && customerId === null ? (
        <p className="text-sm text-slate-500">Choose the customer first: its own roles are offered with the predefined ones.</p>
      ) : null}
      {query.isError ? <Alert tone="error">{messageOf(query.error)}</Alert> : null}
      {query.isFetching && !roles ? <p className="text-sm text-slate-500">Loading roles…</p> : null}
      {roles?.length === 0 ? <p className="text-sm text-slate-500">No roles are available.</p> : null}
      <ul className="space-y-1.5">
        {roles?.map((role) => (
          <RoleOption
            key={role.id}
            role={role}
            checked={selected.includes(role.id)}
            blocked={!role.assignable && !held.includes(role.id)}
            onChange={(on) => set(on ? [...selected, role.id] : selected.filter((id) => id !== role.id))}
          />
        ))}
      </ul>
      {error ? (
        <p id={roleIdsErrorId} className="text-sm text-red-600" data-testid={roleIdsErrorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function RoleOption({
  role,
  checked,
  blocked,
  onChange,
}: {
  role: RoleChoice;
  checked: boolean;
  blocked: boolean;
  onChange: (on: boolean) => void;
}) {
  const why = `role-${role.id}-why`;
  return (
    <li>
      <label className="inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300 text-brand-600"
          checked={checked}
          disabled={blocked}
          aria-describedby={blocked ? why : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {role.label} {role.predefined ? <Badge>Predefined</Badge> : <Badge tone="blue">Company role</Badge>}
      </label>
      {blocked ? (
        <p id={why} className="ml-6 text-xs text-amber-800">
          Needs more than you hold: {role.exceeds.slice(0, 3).join(", ")}
          {role.exceeds.length > 3 ? ` and ${role.exceeds.length - 3} more` : ""}.
        </p>
      ) : null}
    </li>
  );
}

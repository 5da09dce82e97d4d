"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { NameFields } from "@/components/name-fields";
import { passwordRules } from "@/server/schemas/password";
import {
  createCustomerUserInput,
  updateCustomerUserInput,
  type CreateCustomerUserInput,
  type UpdateCustomerUserInput,
} from "@/server/schemas/customerUser";

/**
 * The storefront's user form (/account/users/new and /edit): the customers the administrator reaches, the roles
 * the chosen customer may use — those needing more than the administrator holds are shown, disabled, with why.
 */

export type CustomerChoice = { id: number; name: string; parentName: string | null };
export type RoleChoice = {
  id: number;
  label: string;
  customerId: number | null;
  predefined: boolean;
  assignable: boolean;
  exceeds: string[];
};
type Shared = { customers: CustomerChoice[]; localizations: { id: number; name: string }[]; roles: RoleChoice[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see form-field.tsx
type AnyForm<T extends FieldValues> = UseFormReturn<T, any, any>;
type RoleValues = { customerId: number | null; roleIds: number[] };
type RecordValues = RoleValues & { enabled: boolean; firstName: string; lastName: string };

/** The roles of the chosen customer as checkboxes; a role beyond the administrator's grants stays disabled (unless held already). */
export function RolePicker<T extends FieldValues & RoleValues>({
  form,
  initial,
  held,
}: {
  form: AnyForm<T>;
  initial: { customerId: number | null; roles: RoleChoice[] };
  held: number[];
}) {
  const trpc = useTRPC();
  const customerId = useWatch({ control: form.control, name: "customerId" as Path<T> }) as number | null;
  const selected = (useWatch({ control: form.control, name: "roleIds" as Path<T> }) as number[] | undefined) ?? [];
  const query = useQuery({
    ...trpc.account.users.roleChoices.queryOptions({ customerId }),
    initialData: customerId === initial.customerId ? initial.roles : undefined,
    enabled: customerId !== null,
  });
  const roles = customerId === null ? [] : (query.data ?? []);
  const set = (ids: number[]) =>
    form.setValue("roleIds" as Path<T>, ids as PathValue<T, Path<T>>, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  // Another customer's roles do not carry over: keep only those the new customer may use.
  useEffect(() => {
    if (!query.data) return;
    const usable = new Set(query.data.map((r) => r.id));
    const kept = selected.filter((id) => usable.has(id));
    if (kept.length !== selected.length) set(kept);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the choices change
  }, [query.data]);
  const error = form.getFieldState("roleIds" as Path<T>, form.formState).error?.message;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "roles-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">
        Roles
        <span className="text-red-600" aria-hidden>
          {" "}
          *
        </span>
      </legend>
      <p className="text-xs text-slate-500">Permissions add up over all roles. You can hand out only what your own roles grant.</p>
      {customerId === null ? <p className="text-sm text-slate-500">Choose the customer first.</p> : null}
      {query.isFetching && !query.data ? <p className="text-sm text-slate-500">Loading roles…</p> : null}
      <ul className="space-y-1.5">
        {roles.map((role) => {
          const blocked = !role.assignable && !held.includes(role.id);
          return (
            <li key={role.id}>
              <label className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="size-4 rounded border-slate-300 text-brand-600"
                  checked={selected.includes(role.id)}
                  disabled={blocked}
                  aria-describedby={blocked ? `role-${role.id}-why` : undefined}
                  onChange={(event) => set(event.target.checked ? [...selected, role.id] : selected.filter((id) => id !== role.id))}
                />
                {role.label}
              </label>
              {role.predefined ? null : <span className="ml-1 text-xs text-slate-500">(your company&apos;s role)</span>}
              {blocked ? (
                <p id={`role-${role.id}-why`} className="ml-6 text-xs text-amber-800">
                  Needs more than you hold: {role.exceeds.slice(0, 3).join(", ")}
                  {role.exceeds.length > 3 ? ` and ${role.exceeds.length - 3} more` : ""}.
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id="roles-error" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function RecordFields<T extends FieldValues & RecordValues>({
  form,
  shared,
  held,
  self,
}: {
  form: AnyForm<T>;
  shared: Shared;
  held: number[];
  self: boolean;
}) {
  const field = (name: string) => name as Path<T>;
  const initialCustomer = form.formState.defaultValues?.customerId ?? null;
  return (
    <>
      <div className="space-y-1">
        <CheckboxField form={form} name={field("enabled")} label="Enabled: the user may sign in" />
        {self ? <p className="text-xs text-slate-500">You cannot disable yourself.</p> : null}
      </div>
      <NameFields form={form} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          form={form}
          name={field("email")}
          label="Email"
          type="email"
          autoComplete="off"
          required
          readOnly={self}
          hint={self ? "Change your own address from your profile: the new one is confirmed by a link." : undefined}
        />
        <SelectField
          form={form}
          name={field("customerId")}
          label="Customer"
          required
          valueAsNumber
          hint={self ? "You cannot move yourself to another customer." : "The company this user acts for."}
        >
          <option value="">Choose…</option>
          {shared.customers.map((c) => (
            <option key={c.id} value={c.id} disabled={self && c.id !== initialCustomer}>
              {c.parentName ? `${c.name} (part of ${c.parentName})` : c.name}
            </option>
          ))}
        </SelectField>
        <TextField form={form} name={field("birthday")} label="Birthday" type="date" max={new Date().toISOString().slice(0, 10)} />
        <TextField form={form} name={field("phone")} label="Phone" type="tel" />
        {shared.localizations.length > 1 ? (
          <SelectField
            form={form}
            name={field("localizationId")}
            label="Preferred language"
            hint="The language of the emails the user gets."
            valueAsNumber
          >
            {shared.localizations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <RolePicker form={form} initial={{ customerId: initialCustomer as number | null, roles: shared.roles }} held={held} />
    </>
  );
}

function Actions({ pending, label, cancel }: { pending: boolean; label: string; cancel: string }) {
  return (
    <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
      <ButtonLink variant="secondary" href={cancel}>
        Cancel
      </ButtonLink>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
    </div>
  );
}

export function CreateUserForm({ defaults, shared }: { defaults: CreateCustomerUserInput; shared: Shared }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.account.users.create.mutationOptions());
  const form = useForm<CreateCustomerUserInput>({ resolver: zodResolver(createCustomerUserInput), defaultValues: defaults });
  const generate = useWatch({ control: form.control, name: "generatePassword" });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { id } = await mutation.mutateAsync(values);
      toast.success(`${values.firstName} ${values.lastName} was added.`);
      router.push(`/account/users/${id}`);
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-5" aria-label="New user">
      <RecordFields form={form} shared={shared} held={[]} self={false} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Password</legend>
        <CheckboxField form={form} name="generatePassword" label="Let the user choose their password from the welcome email" />
        {generate ? null : (
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
        <CheckboxField form={form} name="sendWelcomeEmail" label="Send a welcome email" />
      </fieldset>
      <Actions pending={form.formState.isSubmitting} label="Add user" cancel="/account/users" />
    </ClientForm>
  );
}

export function EditUserForm({ defaults, shared, self }: { defaults: UpdateCustomerUserInput; shared: Shared; self: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.account.users.update.mutationOptions());
  const form = useForm<UpdateCustomerUserInput>({ resolver: zodResolver(updateCustomerUserInput), defaultValues: defaults });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      toast.success("The user is saved.");
      router.push(`/account/users/${defaults.id}`);
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-5" aria-label="Edit user">
      <RecordFields form={form} shared={shared} held={defaults.roleIds} self={self} />
      <Actions pending={form.formState.isSubmitting} label="Save changes" cancel={`/account/users/${defaults.id}`} />
    </ClientForm>
  );
}

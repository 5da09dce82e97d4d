"use client";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { NameFields } from "@/components/name-fields";
import { RolePicker, type RoleChoice } from "@/components/customer-users/role-picker";
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
type Shared = { customers: CustomerChoice[]; localizations: { id: number; name: string }[]; roles: RoleChoice[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see form-field.tsx
type AnyForm<T extends FieldValues> = UseFormReturn<T, any, any>;
type RecordValues = { customerId: number | null; roleIds: number[] } & { enabled: boolean; firstName: string; lastName: string };

function RecordFields<T extends FieldValues & RecordValues>({ form, shared, self }: { form: AnyForm<T>; shared: Shared; self: boolean }) {
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
      <RolePicker
        form={form}
        audience="customer"
        initial={{ customerId: initialCustomer as number | null, roles: shared.roles }}
        required
        hint="Permissions add up over all roles. You can hand out only what your own roles grant."
      />
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
      <RecordFields form={form} shared={shared} self={false} />
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
      <RecordFields form={form} shared={shared} self={self} />
      <Actions pending={form.formState.isSubmitting} label="Save changes" cancel={`/account/users/${defaults.id}`} />
    </ClientForm>
  );
}

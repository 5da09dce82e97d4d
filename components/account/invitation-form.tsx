"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import type { CustomerChoice } from "@/components/account/user-form";
import { RolePicker, type RoleChoice } from "@/components/customer-users/role-picker";
import { createInvitationInput } from "@/server/schemas/invitations";
import type { z } from "zod";

type InviteValues = z.input<typeof createInvitationInput>;

/** Invite a colleague: their address, the customer they join and the roles they get on accepting. */
export function InviteForm({
  customers,
  roles,
  customerId,
}: {
  customers: CustomerChoice[];
  roles: RoleChoice[];
  customerId: number | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.account.invitations.create.mutationOptions());
  const form = useForm<InviteValues>({
    resolver: zodResolver(createInvitationInput),
    defaultValues: { email: "", firstName: "", lastName: "", customerId: customerId ?? undefined, roleIds: [] },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      toast.success(`Invitation sent to ${values.email}.`);
      router.push("/account/invitations");
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-5" aria-label="Invite a colleague">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          required
          hint="The link works once, for this address only, until it expires."
          className="sm:col-span-2"
        />
        <TextField form={form} name="firstName" label="First name" hint="They can change it when accepting." />
        <TextField form={form} name="lastName" label="Last name" />
        <SelectField form={form} name="customerId" label="Customer" required valueAsNumber hint="The company they join.">
          <option value="">Choose…</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.parentName ? `${c.name} (part of ${c.parentName})` : c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <RolePicker
        form={form}
        audience="customer"
        initial={{ customerId, roles }}
        required
        hint="Permissions add up over all roles. You can hand out only what your own roles grant."
      />
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        <ButtonLink variant="secondary" href="/account/invitations">
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </ClientForm>
  );
}

/** Resend (a new link, a new expiry) and revoke, from the invitations list. */
export function InvitationActions({
  id,
  email,
  status,
}: {
  id: number;
  email: string;
  status: "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const after = (message: string) => ({
    onSuccess: () => {
      toast.success(message);
      router.refresh();
    },
    onError: (error: unknown) => toast.error(messageOf(error)),
  });
  const resend = useMutation(trpc.account.invitations.resend.mutationOptions(after(`The invitation was sent to ${email} again.`)));
  const revoke = useMutation(trpc.account.invitations.revoke.mutationOptions(after(`The invitation to ${email} was revoked.`)));
  const pending = !hydrated || resend.isPending || revoke.isPending;
  return (
    <div className="flex justify-end gap-2">
      {status === "PENDING" || status === "EXPIRED" ? (
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={pending}
          onClick={() => resend.mutate({ id })}
          aria-label={`Resend the invitation to ${email}`}
        >
          Resend
        </Button>
      ) : null}
      {status === "PENDING" ? (
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs text-red-700"
          disabled={pending}
          onClick={() => revoke.mutate({ id })}
          aria-label={`Revoke the invitation to ${email}`}
        >
          Revoke
        </Button>
      ) : null}
    </div>
  );
}

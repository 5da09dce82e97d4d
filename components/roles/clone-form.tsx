"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { cloneRoleInput, type CloneRoleInput } from "@/server/schemas/role";
import { useRolesApi } from "./api";
import { CustomerPicker, type CustomerOption } from "./customer-picker";
import { rolesPath, type Audience } from "./paths";
import type { ActionRole } from "./action-role";

/** Clones a role under a new label (staff: for any customer, or as a predefined role), then opens the copy's editor. */
export function CloneForm({ audience, role, onDone }: { audience: Audience; role: ActionRole; onDone: () => void }) {
  const api = useRolesApi(audience);
  const router = useRouter();
  const [customer, setCustomer] = useState<CustomerOption | null>(role.customer);
  const form = useForm<CloneRoleInput>({
    resolver: zodResolver(cloneRoleInput),
    defaultValues: {
      id: role.id,
      label: `${role.label} copy`.slice(0, 32),
      customerId: audience === "admin" ? (role.customer?.id ?? null) : undefined,
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const clone = await api.clone.mutate(values);
      toast.success(`"${values.label}" is created with the grants of "${role.label}". Adjust it if you like.`);
      onDone();
      router.push(`${rolesPath(audience)}/${clone.id}/edit`);
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4" aria-label="Clone role">
      <p>A new role with the permissions and flags of &ldquo;{role.label}&rdquo;. Nobody holds it until you assign it.</p>
      <TextField form={form} name="label" label="Label of the copy" required autoComplete="off" />
      {audience === "admin" ? (
        <CustomerPicker
          audience={audience}
          value={customer}
          allowPredefined
          error={form.formState.errors.customerId?.message}
          onChange={(next) => {
            setCustomer(next);
            form.setValue("customerId", next?.id ?? null);
          }}
        />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Clone
        </Button>
      </div>
    </ClientForm>
  );
}

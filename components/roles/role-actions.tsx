"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { messageOf } from "@/components/trpc";
import { RowMenu, type RowMenuItem } from "@/components/grid/row-menu";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { cloneRoleInput, type CloneRoleInput } from "@/server/schemas/role";
import { useRolesApi } from "./api";
import { CustomerPicker, type CustomerOption } from "./customer-picker";
import { rolesPath, type Audience } from "./paths";

export type ActionRole = {
  id: number;
  label: string;
  customer: CustomerOption | null;
  can: { edit: boolean; delete: boolean; clone: boolean; assign: boolean };
};

function CloneForm({ audience, role, onDone }: { audience: Audience; role: ActionRole; onDone: () => void }) {
  const api = useRolesApi(audience);
  const router = useRouter();
  const [customer, setCustomer] = useState<CustomerOption | null>(role.customer);
  const form = useForm<CloneRoleInput>({
    resolver: zodResolver(cloneRoleInput),
    defaultValues: { id: role.id, label: `${role.label} copy`.slice(0, 32), customerId: audience === "admin" ? (role.customer?.id ?? null) : undefined },
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
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>Clone</Button>
      </div>
    </ClientForm>
  );
}

/**
 * Clone and delete for one role, as buttons (its page) or a row menu (the grid). A refused delete stays in the
 * dialog with the rule's reason.
 */
export function RoleActions({ audience, role, variant }: { audience: Audience; role: ActionRole; variant: "buttons" | "menu" }) {
  const api = useRolesApi(audience);
  const router = useRouter();
  const hydrated = useHydrated();
  const base = rolesPath(audience);
  const [cloning, setCloning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const remove = async () => {
    setPending(true);
    try {
      await api.delete.mutate({ id: role.id });
      setDeleting(false);
      toast.success(`"${role.label}" is deleted.`);
      if (variant === "buttons") router.push(base);
      router.refresh();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setPending(false);
    }
  };
  const askDelete = () => {
    setRefusal(null);
    setDeleting(true);
  };

  const dialogs = (
    <>
      <Dialog open={cloning} onClose={() => setCloning(false)} title={`Clone "${role.label}"`} footer={false}>
        {cloning ? <CloneForm audience={audience} role={role} onDone={() => setCloning(false)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={deleting}
        title={`Delete "${role.label}"?`}
        confirmLabel="Delete role"
        pending={pending}
        onCancel={() => {
          setDeleting(false);
          setRefusal(null);
        }}
        onConfirm={remove}
      >
        <div className="space-y-3">
          <p>The role and its permissions are removed. A role that users hold, a predefined role and a website&rsquo;s default role cannot be deleted.</p>
          {refusal ? <Alert tone="error" testId="delete-refusal">{refusal}</Alert> : null}
        </div>
      </ConfirmDialog>
    </>
  );

  if (variant === "menu") {
    const items: RowMenuItem[] = [{ label: "View", href: `${base}/${role.id}` }];
    if (role.can.edit) items.push({ label: "Edit", href: `${base}/${role.id}/edit` });
    if (role.can.clone) items.push({ label: "Clone", onSelect: () => setCloning(true) });
    if (role.can.delete) items.push({ label: "Delete", onSelect: askDelete, danger: true });
    return (
      <>
        <RowMenu label={`Actions for ${role.label}`} items={items} />
        {dialogs}
      </>
    );
  }
  return (
    <>
      {role.can.edit ? <ButtonLink href={`${base}/${role.id}/edit`}>Edit</ButtonLink> : null}
      {role.can.clone ? <Button variant="secondary" disabled={!hydrated} onClick={() => setCloning(true)}>Clone</Button> : null}
      {role.can.delete ? <Button variant="danger" disabled={!hydrated} onClick={askDelete}>Delete</Button> : null}
      {dialogs}
    </>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/client-form";
import { RowMenu, type RowMenuItem } from "@/components/grid/row-menu";

export type CustomerSummary = { id: number; name: string; enabled: boolean; userCount: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Asks before disabling (saying what it does to the users) and before enabling. */
export function CustomerStateDialog({ customer, open, onClose }: { customer: CustomerSummary; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(
    trpc.admin.customers.setEnabled.mutationOptions({
      onSuccess: (result) => {
        onClose();
        toast.success(
          result.enabled
            ? `${customer.name} is enabled: its users can sign in again.`
            : `${customer.name} is disabled: ${plural(result.signedOut, "user was", "users were")} signed out.`,
        );
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const disabling = customer.enabled;
  return (
    <ConfirmDialog
      open={open}
      title={disabling ? `Disable ${customer.name}?` : `Enable ${customer.name}?`}
      confirmLabel={disabling ? "Disable customer" : "Enable customer"}
      danger={disabling}
      pending={mutation.isPending}
      onCancel={onClose}
      onConfirm={() => mutation.mutate({ id: customer.id, enabled: !disabling })}
    >
      {disabling ? (
        <>
          <p>
            Its {plural(customer.userCount, "user")} will be signed out at once and cannot sign in until you enable it again. Nothing else
            about the users changes: their roles, confirmation and passwords stay as they are.
          </p>
          <p className="mt-2">
            Its subsidiaries are not affected: each is a company of its own. Disable them one by one if they must stop too.
          </p>
        </>
      ) : (
        <p>Its users can sign in again, with the roles and settings they had.</p>
      )}
    </ConfirmDialog>
  );
}

/** Asks before deleting; a refusal (users, subsidiaries, records) is shown as it comes from the server. */
export function CustomerDeleteDialog({
  customer,
  open,
  onClose,
}: {
  customer: Pick<CustomerSummary, "id" | "name">;
  open: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(
    trpc.admin.customers.delete.mutationOptions({
      onSuccess: () => {
        onClose();
        toast.success(`${customer.name} is deleted.`);
        router.push("/admin/customers");
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${customer.name}?`}
      confirmLabel="Delete customer"
      pending={mutation.isPending}
      onCancel={onClose}
      onConfirm={() => mutation.mutate({ id: customer.id })}
    >
      <p>Only a customer without users, subsidiaries, orders, quotes, requests for quote and shopping lists can be deleted.</p>
      <p className="mt-2">Its addresses and notes are deleted with it. This cannot be undone.</p>
    </ConfirmDialog>
  );
}

type Can = { edit: boolean; delete: boolean; create: boolean };

/** The customer page's buttons: enable or disable, delete. */
export function CustomerStateButtons({ customer, can }: { customer: CustomerSummary; can: Can }) {
  const hydrated = useHydrated();
  const [dialog, setDialog] = useState<"state" | "delete" | null>(null);
  return (
    <>
      {can.edit ? (
        <Button variant="secondary" disabled={!hydrated} onClick={() => setDialog("state")}>
          {customer.enabled ? "Disable" : "Enable"}
        </Button>
      ) : null}
      {can.delete ? (
        <Button variant="secondary" className="text-red-700" disabled={!hydrated} onClick={() => setDialog("delete")}>
          Delete
        </Button>
      ) : null}
      <CustomerStateDialog customer={customer} open={dialog === "state"} onClose={() => setDialog(null)} />
      <CustomerDeleteDialog customer={customer} open={dialog === "delete"} onClose={() => setDialog(null)} />
    </>
  );
}

/** A grid row's menu: open, edit, add a subsidiary, show in the tree, enable or disable, delete. */
export function CustomerRowMenu({ customer, can }: { customer: CustomerSummary; can: Can }) {
  const [dialog, setDialog] = useState<"state" | "delete" | null>(null);
  const items: RowMenuItem[] = [
    { label: "View", href: `/admin/customers/${customer.id}` },
    ...(can.edit ? [{ label: "Edit", href: `/admin/customers/${customer.id}/edit` }] : []),
    ...(can.create ? [{ label: "Add subsidiary", href: `/admin/customers/new?parent=${customer.id}` }] : []),
    { label: "Show in hierarchy", href: `/admin/customers/tree?open=${customer.id}` },
    ...(can.edit ? [{ label: customer.enabled ? "Disable" : "Enable", onSelect: () => setDialog("state") }] : []),
    ...(can.delete ? [{ label: "Delete", danger: true, onSelect: () => setDialog("delete") }] : []),
  ];
  return (
    <>
      <RowMenu label={`More options for ${customer.name}`} items={items} />
      <CustomerStateDialog customer={customer} open={dialog === "state"} onClose={() => setDialog(null)} />
      <CustomerDeleteDialog customer={customer} open={dialog === "delete"} onClose={() => setDialog(null)} />
    </>
  );
}

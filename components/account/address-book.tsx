"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { applyServerErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/client-form";
import { countries } from "@/server/schemas/address";
import type { Level } from "@/server/authz/permissions";
import { AddressForm, type AddressValues } from "./address-form";

type Address = AddressValues & { id: number; ownerName: string; mine: boolean };
type Book = "addresses" | "companyAddresses";

const countryName = new Map(countries);

/** Whether a level reaches a row: User and Department reach one's own (or one's own company's) only. */
function reaches(level: Level | undefined, address: Address) {
  if (!level || level === "NONE") return false;
  return level === "SUBTREE" || address.mine;
}

function AddressCard({ address, showOwner, onEdit, onDelete }: { address: Address; showOwner: boolean; onEdit?: () => void; onDelete?: () => void }) {
  const hydrated = useHydrated();
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const title = address.label || address.street;
  return (
    <li className="flex flex-col justify-between gap-3 rounded-md border border-slate-200 p-4 text-sm" data-testid="address" aria-label={title}>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="font-medium text-slate-900">{title}</span>
          {address.isPrimary ? <Badge tone="blue">Primary</Badge> : null}
          {address.isDefaultBilling ? <Badge tone="green">Default billing</Badge> : address.isBilling ? <Badge>Billing</Badge> : null}
          {address.isDefaultShipping ? <Badge tone="green">Default shipping</Badge> : address.isShipping ? <Badge>Shipping</Badge> : null}
        </div>
        <address className="not-italic text-slate-700">
          {address.organization ? <div>{address.organization}</div> : null}
          {name ? <div>{name}</div> : null}
          <div>{address.street}</div>
          {address.street2 ? <div>{address.street2}</div> : null}
          <div>{[address.postalCode, address.city].join(" ")}{address.region ? `, ${address.region}` : ""}</div>
          <div>{countryName.get(String(address.countryCode)) ?? address.countryCode}</div>
          {address.phone ? <div>{address.phone}</div> : null}
        </address>
        {showOwner ? <p className="text-xs text-slate-500">{address.ownerName}</p> : null}
      </div>
      {onEdit || onDelete ? (
        <div className="flex gap-2">
          {onEdit ? <Button variant="secondary" className="px-2 py-1 text-xs" disabled={!hydrated} onClick={onEdit} aria-label={`Edit ${title}`}>Edit</Button> : null}
          {onDelete ? <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" disabled={!hydrated} onClick={onDelete} aria-label={`Delete ${title}`}>Delete</Button> : null}
        </div>
      ) : null}
    </li>
  );
}

/** An address book with add, edit and delete as far as the user's levels reach. */
export function AddressBook({
  book,
  title,
  description,
  addresses,
  levels,
  showOwners = false,
  actions,
}: {
  book: Book;
  title: string;
  description?: string;
  addresses: Address[];
  levels: { create?: Level; edit?: Level; delete?: Level };
  showOwners?: boolean;
  actions?: React.ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<Address | "new" | null>(null);
  const [deleting, setDeleting] = useState<Address | null>(null);
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };
  const create = useMutation(trpc.account[book].create.mutationOptions());
  const update = useMutation(trpc.account[book].update.mutationOptions());
  const remove = useMutation(
    trpc.account[book].delete.mutationOptions({
      onSuccess: () => {
        setDeleting(null);
        done("The address is deleted.");
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );

  const save = async (values: AddressValues, setError: Parameters<typeof applyServerErrors<AddressValues>>[1]) => {
    try {
      if (editing === "new") await create.mutateAsync(values as Parameters<typeof create.mutateAsync>[0]);
      else if (editing) await update.mutateAsync({ ...(values as Parameters<typeof create.mutateAsync>[0]), id: editing.id });
      setEditing(null);
      done("The address is saved.");
    } catch (error) {
      applyServerErrors(error, setError);
    }
  };

  const canCreate = !!levels.create && levels.create !== "NONE";
  return (
    <Card>
      <CardHeader
        title={title}
        description={description}
        actions={<>{actions}{canCreate ? <Button disabled={!hydrated} onClick={() => setEditing("new")}>Add address</Button> : null}</>}
      />
      {addresses.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No addresses yet.</p>
      ) : (
        <ul className="grid gap-4 p-5 sm:grid-cols-2" aria-label={title}>
          {addresses.map((address) => (
            <AddressCard
              key={address.id}
              address={address}
              showOwner={showOwners && !address.mine}
              onEdit={reaches(levels.edit, address) ? () => setEditing(address) : undefined}
              onDelete={reaches(levels.delete, address) ? () => setDeleting(address) : undefined}
            />
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === "new" ? "Add an address" : "Edit the address"} footer={false}>
        {editing !== null ? (
          <AddressForm key={editing === "new" ? "new" : editing.id} initial={editing === "new" ? undefined : editing} onSave={save} onCancel={() => setEditing(null)} />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this address?"
        confirmLabel="Delete"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        {deleting ? `${deleting.label || deleting.street}, ${deleting.city} will be removed from the address book.` : null}
      </ConfirmDialog>
    </Card>
  );
}

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

function AddressCard({
  address,
  showOwner,
  onEdit,
  onDelete,
}: {
  address: BookAddress;
  showOwner: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const hydrated = useHydrated();
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const title = address.label || address.street;
  return (
    <li
      className="flex flex-col justify-between gap-3 rounded-md border border-slate-200 p-4 text-sm"
      data-testid="address"
      aria-label={title}
    >
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
          <div>
            {[address.postalCode, address.city].join(" ")}
            {address.region ? `, ${address.region}` : ""}
          </div>
          <div>{countryName.get(String(address.countryCode)) ?? address.countryCode}</div>
          {address.phone ? <div>{address.phone}</div> : null}
        </address>
        {showOwner && address.ownerName ? <p className="text-xs text-slate-500">{address.ownerName}</p> : null}
      </div>
      {onEdit || onDelete ? (
        <div className="flex gap-2">
          {onEdit ? (
            <Button variant="secondary" className="px-2 py-1 text-xs" disabled={!hydrated} onClick={onEdit} aria-label={`Edit ${title}`}>
              Edit
            </Button>
          ) : null}
          {onDelete ? (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs text-red-700"
              disabled={!hydrated}
              onClick={onDelete}
              aria-label={`Delete ${title}`}
            >
              Delete
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** What an address book can do with its addresses; each is left out when the viewer may not do it. */
export type AddressBookActions<A extends BookAddress> = {
  create?: (values: AddressValues) => Promise<unknown>;
  update?: (address: A, values: AddressValues) => Promise<unknown>;
  remove?: (address: A) => Promise<unknown>;
  /** Per address, when the viewer may change some addresses of the book and not others. */
  canEdit?: (address: A) => boolean;
  canDelete?: (address: A) => boolean;
};

type BookAddress = AddressValues & { id: number; ownerName?: string; mine?: boolean };

/**
 * An address book: the cards, and add, edit and delete through the address form. Which of them a viewer gets, and
 * which procedures they call, is the caller's (the storefront's books, a customer's page in the back office).
 */
export function AddressBookView<A extends BookAddress>({
  title,
  description,
  addresses,
  showOwners = false,
  headerActions,
  actions,
}: {
  title: string;
  description?: string;
  addresses: A[];
  showOwners?: boolean;
  headerActions?: React.ReactNode;
  actions: AddressBookActions<A>;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<A | "new" | null>(null);
  const [deleting, setDeleting] = useState<A | null>(null);
  const [removing, setRemoving] = useState(false);
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };

  const save = async (values: AddressValues, setError: Parameters<typeof applyServerErrors<AddressValues>>[1]) => {
    try {
      if (editing === "new") await actions.create?.(values);
      else if (editing) await actions.update?.(editing, values);
      setEditing(null);
      done("The address is saved.");
    } catch (error) {
      applyServerErrors(error, setError);
    }
  };
  const remove = async (address: A) => {
    setRemoving(true);
    try {
      await actions.remove?.(address);
      setDeleting(null);
      done("The address is deleted.");
    } catch (error) {
      toast.error(messageOf(error));
    } finally {
      setRemoving(false);
    }
  };
  const may = (action: unknown, check: ((address: A) => boolean) | undefined, address: A) => !!action && (check ? check(address) : true);

  return (
    <Card>
      <CardHeader
        title={title}
        description={description}
        actions={
          <>
            {headerActions}
            {actions.create ? (
              <Button disabled={!hydrated} onClick={() => setEditing("new")}>
                Add address
              </Button>
            ) : null}
          </>
        }
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
              onEdit={may(actions.update, actions.canEdit, address) ? () => setEditing(address) : undefined}
              onDelete={may(actions.remove, actions.canDelete, address) ? () => setDeleting(address) : undefined}
            />
          ))}
        </ul>
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "Add an address" : "Edit the address"}
        footer={false}
      >
        {editing !== null ? (
          <AddressForm
            key={editing === "new" ? "new" : editing.id}
            initial={editing === "new" ? undefined : editing}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this address?"
        confirmLabel="Delete"
        pending={removing}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove(deleting)}
      >
        {deleting ? `${deleting.label || deleting.street}, ${deleting.city} will be removed from the address book.` : null}
      </ConfirmDialog>
    </Card>
  );
}

/** A storefront address book with add, edit and delete as far as the user's levels reach. */
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
  const create = useMutation(trpc.account[book].create.mutationOptions());
  const update = useMutation(trpc.account[book].update.mutationOptions());
  const remove = useMutation(trpc.account[book].delete.mutationOptions());
  type Input = Parameters<typeof create.mutateAsync>[0];
  const canCreate = !!levels.create && levels.create !== "NONE";
  return (
    <AddressBookView
      title={title}
      description={description}
      addresses={addresses}
      showOwners={showOwners}
      headerActions={actions}
      actions={{
        create: canCreate ? (values) => create.mutateAsync(values as Input) : undefined,
        update: (address, values) => update.mutateAsync({ ...(values as Input), id: address.id }),
        remove: (address) => remove.mutateAsync({ id: address.id }),
        canEdit: (address) => reaches(levels.edit, address),
        canDelete: (address) => reaches(levels.delete, address),
      }}
    />
  );
}

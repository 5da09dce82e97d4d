"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { AddressBookView } from "@/components/addresses/address-book";
import type { AddressValues } from "@/components/addresses/address-form";

type Address = AddressValues & { id: number };

/** A customer's address book on its back-office page; editable with `customer.edit`. */
export function CustomerAddresses({ customerId, addresses, canEdit }: { customerId: number; addresses: Address[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.customers.addresses.create.mutationOptions());
  const update = useMutation(trpc.admin.customers.addresses.update.mutationOptions());
  const remove = useMutation(trpc.admin.customers.addresses.delete.mutationOptions());
  type Input = Parameters<typeof update.mutateAsync>[0];
  return (
    <AddressBookView
      title="Addresses"
      description="Billing and shipping addresses of the company; one of each kind can be the default."
      addresses={addresses}
      actions={
        canEdit
          ? {
              create: (values) => create.mutateAsync({ ...(values as Input), customerId }),
              update: (address, values) => update.mutateAsync({ ...(values as Input), id: address.id }),
              remove: (address) => remove.mutateAsync({ id: address.id }),
            }
          : {}
      }
    />
  );
}

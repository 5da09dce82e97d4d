import { createTRPCRouter, customerProcedure } from "../../trpc";
import { addressIdInput, addressInput, listAddressesInput, updateAddressInput } from "../../../schemas/address";
import { createAddress, deleteAddress, listAddresses, updateAddress, type AddressKind } from "../../../services/addresses/book";

/** Both storefront address books take the same procedures, each under its own entity's permissions. */
function addressRouter(kind: AddressKind) {
  return createTRPCRouter({
    list: customerProcedure(`${kind}.view`)
      .input(listAddressesInput)
      .query(({ ctx, input }) => listAddresses(ctx.db, ctx.actor, kind, input)),
    create: customerProcedure(`${kind}.create`)
      .input(addressInput)
      .mutation(({ ctx, input }) => createAddress(ctx.db, ctx.actor, kind, input)),
    update: customerProcedure(`${kind}.edit`)
      .input(updateAddressInput)
      .mutation(({ ctx, input }) => updateAddress(ctx.db, ctx.actor, kind, input)),
    delete: customerProcedure(`${kind}.delete`)
      .input(addressIdInput)
      .mutation(({ ctx, input }) => deleteAddress(ctx.db, ctx.actor, kind, input)),
  });
}

/** One's own address book (CustomerUserAddress); with a level above User, colleagues' on request. */
export const addressesRouter = addressRouter("customerUserAddress");
/** The company's addresses (CustomerAddress): one's customer, and its subsidiaries at Corporate level. */
export const companyAddressesRouter = addressRouter("customerAddress");

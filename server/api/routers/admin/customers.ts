import { createTRPCRouter, staffProcedure } from "../../trpc";
import {
  createCustomerInput,
  createCustomerNoteInput,
  listCustomerNotesInput,
  customerAddressInput,
  customerChildrenInput,
  customerIdInput,
  customerPartInput,
  customerRolesInput,
  listCustomersInput,
  noteIdInput,
  pickCustomerInput,
  setCustomerEnabledInput,
  updateCustomerInput,
  updateNoteInput,
} from "../../../schemas/customer";
import { addressIdInput, updateAddressInput } from "../../../schemas/address";
import {
  customerFormOptions,
  getCustomer,
  listCustomers,
  listRolesOfCustomer,
  listUsersOfCustomer,
  pickCustomers,
} from "../../../services/customers/queries";
import { listCustomerChildren, openTreeAt } from "../../../services/customers/tree";
import { createCustomer, deleteCustomer, setCustomerEnabled, updateCustomer } from "../../../services/customers/commands";
import { createCustomerAddress, deleteCustomerAddress, updateCustomerAddress } from "../../../services/customers/addresses";
import { createCustomerNote, deleteCustomerNote, listCustomerNotes, updateCustomerNote } from "../../../services/customers/notes";

const customerAddressesRouter = createTRPCRouter({
  create: staffProcedure("customer.edit")
    .input(customerAddressInput)
    .mutation(({ ctx, input }) => createCustomerAddress(ctx.db, ctx.actor, input)),
  update: staffProcedure("customer.edit")
    .input(updateAddressInput)
    .mutation(({ ctx, input }) => updateCustomerAddress(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customer.edit")
    .input(addressIdInput)
    .mutation(({ ctx, input }) => deleteCustomerAddress(ctx.db, ctx.actor, input)),
});

const customerNotesRouter = createTRPCRouter({
  list: staffProcedure("customer.view")
    .input(listCustomerNotesInput)
    .query(({ ctx, input }) => listCustomerNotes(ctx.db, ctx.actor, input)),
  create: staffProcedure("customer.edit")
    .input(createCustomerNoteInput)
    .mutation(({ ctx, input }) => createCustomerNote(ctx.db, ctx.actor, input)),
  update: staffProcedure("customer.edit")
    .input(updateNoteInput)
    .mutation(({ ctx, input }) => updateCustomerNote(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customer.edit")
    .input(noteIdInput)
    .mutation(({ ctx, input }) => deleteCustomerNote(ctx.db, ctx.actor, input)),
});

export const customersRouter = createTRPCRouter({
  list: staffProcedure("customer.view")
    .input(listCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.db, ctx.actor, input)),
  /** One level of the hierarchy: top-level customers (parentId null) or one customer's subsidiaries. */
  children: staffProcedure("customer.view")
    .input(customerChildrenInput)
    .query(({ ctx, input }) => listCustomerChildren(ctx.db, ctx.actor, input)),
  /** The hierarchy opened down to one customer. */
  openTree: staffProcedure("customer.view")
    .input(customerIdInput)
    .query(({ ctx, input }) => openTreeAt(ctx.db, ctx.actor, input.id)),
  pick: staffProcedure("customer.view")
    .input(pickCustomerInput)
    .query(({ ctx, input }) => pickCustomers(ctx.db, ctx.actor, input)),
  formOptions: staffProcedure("customer.view").query(({ ctx }) => customerFormOptions(ctx.db)),
  get: staffProcedure("customer.view")
    .input(customerIdInput)
    .query(({ ctx, input }) => getCustomer(ctx.db, ctx.actor, input.id)),
  users: staffProcedure("customerUser.view")
    .input(customerPartInput)
    .query(({ ctx, input }) => listUsersOfCustomer(ctx.db, ctx.actor, input)),
  roles: staffProcedure("customerUserRole.view")
    .input(customerRolesInput)
    .query(({ ctx, input }) => listRolesOfCustomer(ctx.db, ctx.actor, input)),
  create: staffProcedure("customer.create")
    .input(createCustomerInput)
    .mutation(({ ctx, input }) => createCustomer(ctx.db, ctx.actor, input)),
  update: staffProcedure("customer.edit")
    .input(updateCustomerInput)
    .mutation(({ ctx, input }) => updateCustomer(ctx.db, ctx.actor, input)),
  setEnabled: staffProcedure("customer.edit")
    .input(setCustomerEnabledInput)
    .mutation(({ ctx, input }) => setCustomerEnabled(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customer.delete")
    .input(customerIdInput)
    .mutation(({ ctx, input }) => deleteCustomer(ctx.db, ctx.actor, input)),
  addresses: customerAddressesRouter,
  notes: customerNotesRouter,
});

import { z } from "zod";
import { noteBody } from "./note";
import { addProblems, id, pageSize, requiredText, text, version } from "./common";
import { addressInput, oneDefaultPerKind } from "./address";
import { cursor, sortInput } from "./grid";

/** Customers (companies) and customer groups in the back office: grid, tree, form, notes. */

export const customerSortKeys = ["name", "createdAt"] as const;

export const listCustomersInput = z.object({
  ...sortInput(customerSortKeys, "name"),
  cursor,
  limit: pageSize,
  /** Name contains. */
  search: text(100).optional(),
  groupId: id.optional(),
  enabled: z.boolean().optional(),
  salesRepId: id.optional(),
  /** Direct subsidiaries of this customer. */
  parentId: id.optional(),
});
export type ListCustomersInput = z.input<typeof listCustomersInput>;

/** One level of the tree: the top-level customers (parentId null) or one customer's subsidiaries, in name order. */
export const customerChildrenInput = z.object({
  parentId: id.nullable(),
  cursor,
  limit: pageSize,
});

/** The parent picker's search: a few customers whose name contains the text. */
export const pickCustomerInput = z.object({ search: text(100).default("") });

const customerFields = {
  name: requiredText(255, "Enter the customer's name."),
  /** Null: a top-level customer. */
  parentId: id.nullable(),
  groupId: id.nullable(),
  salesRepIds: z
    .array(id)
    .max(50, "At most 50 sales representatives.")
    .default([])
    .transform((ids) => [...new Set(ids)]),
  enabled: z.boolean().default(true),
};

export const createCustomerInput = z
  .object({ ...customerFields, addresses: z.array(addressInput).max(20, "At most 20 addresses at once.").default([]) })
  .superRefine((value, ctx) => addProblems(ctx, oneDefaultPerKind(value.addresses)));
export type CreateCustomerInput = z.input<typeof createCustomerInput>;

export const updateCustomerInput = z.object({ id, version, ...customerFields });
export type UpdateCustomerInput = z.input<typeof updateCustomerInput>;

export const customerIdInput = z.object({ id });
export const setCustomerEnabledInput = z.object({ id, enabled: z.boolean() });

/** The customer users or roles of one customer, on its page. */
export const customerPartInput = z.object({ customerId: id, limit: pageSize });
/** A page of the customer's own roles, by label; `cursor` is where the page before ended. */
export const customerRolesInput = customerPartInput.extend({ cursor });

// ------------------------------------------------------------------------ addresses and notes

export const customerAddressInput = addressInput.safeExtend({ customerId: id });

export { noteBody, noteIdInput, updateNoteInput } from "./note";
export const createCustomerNoteInput = z.object({ customerId: id, body: noteBody });
export const listCustomerNotesInput = z.object({
  id,
  /** Keyset cursor: the id of the last note of the previous page as text (newest first). */
  cursor,
  limit: pageSize,
});

// ------------------------------------------------------------------------ customer groups

export const customerGroupSortKeys = ["name", "createdAt"] as const;

export const listCustomerGroupsInput = z.object({
  ...sortInput(customerGroupSortKeys, "name"),
  cursor,
  limit: pageSize,
  search: text(100).optional(),
});

export const customerGroupInput = z.object({ name: requiredText(255, "Enter the group's name.") });
export const updateCustomerGroupInput = customerGroupInput.extend({ id });

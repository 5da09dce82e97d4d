import { z } from "zod";
import { id, pageSize } from "./common";

export const listCustomerUsersInput = z.object({
  /** Keyset cursor: the id of the last row of the previous page. */
  after: id.optional(),
  limit: pageSize,
  search: z.string().trim().max(100).optional(),
});
export type ListCustomerUsersInput = z.input<typeof listCustomerUsersInput>;

export const setCustomerUserEnabledInput = z.object({
  id,
  enabled: z.boolean(),
});

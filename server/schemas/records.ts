import { z } from "zod";
import { id, pageSize } from "./common";

/** Lists of the records customer users create: orders, quotes, RFQs, shopping lists. */
export const recordKinds = ["order", "quote", "rfq", "shoppingList"] as const;
export type RecordKind = (typeof recordKinds)[number];

export const recordStatuses = {
  order: ["OPEN", "PROCESSING", "SHIPPED", "CLOSED", "CANCELLED"],
  quote: ["DRAFT", "SENT_TO_CUSTOMER", "ACCEPTED", "DECLINED", "EXPIRED"],
  rfq: ["SUBMITTED", "PROCESSING", "MORE_INFO_REQUESTED", "DECLINED", "CANCELLED"],
  shoppingList: [],
} as const satisfies Record<RecordKind, readonly string[]>;

export const listRecordsInput = z.object({
  /** Keyset cursor: the id of the last row of the previous page (newest first). */
  after: id.optional(),
  limit: pageSize,
  status: z.string().trim().max(40).optional(),
  /** Number, PO number or label contains. */
  search: z.string().trim().max(100).optional(),
  /** Only records created by this customer user (still within the caller's scope). */
  customerUserId: id.optional(),
  customerId: id.optional(),
});
export type ListRecordsInput = z.output<typeof listRecordsInput>;

export const getRecordInput = z.object({ id });

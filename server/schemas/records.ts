import { z } from "zod";
import { cursor } from "./grid";
import { id, pageSize, text } from "./common";

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
  /** Keyset cursor: the id of the last row of the previous page as text (newest first); /api/v1 also takes it as `after`. */
  cursor: cursor.describe("The `nextCursor` of the previous page (also accepted as `after`)"),
  limit: pageSize,
  status: text(40).optional(),
  /** Number, PO number or label contains. */
  search: text(100).optional(),
  /** Only records created by this customer user (still within the caller's scope). */
  customerUserId: id.optional(),
  customerId: id.optional(),
});
export type ListRecordsInput = z.output<typeof listRecordsInput>;

export const getRecordInput = z.object({ id });

// ------------------------------------------------------------------ outputs (documented by the /api/v1 OpenAPI)

const personRef = z.object({ id: z.number(), firstName: z.string(), lastName: z.string(), email: z.string() }).nullable();
const customerRef = z.object({ id: z.number(), name: z.string() });
const money = z.string().describe('Decimal amount as a string, e.g. "129.90"');

export const orderOutput = z.object({
  id: z.number(),
  number: z.string(),
  poNumber: z.string().nullable(),
  status: z.enum(recordStatuses.order),
  currency: z.string(),
  subtotal: money,
  total: money,
  createdAt: z.date(),
  customer: customerRef,
  customerUser: personRef,
});
export const orderDetailOutput = orderOutput.extend({ shipBy: z.date().nullable(), updatedAt: z.date() });

export const quoteOutput = z.object({
  id: z.number(),
  number: z.string(),
  poNumber: z.string().nullable(),
  status: z.enum(recordStatuses.quote),
  validUntil: z.date().nullable(),
  currency: z.string(),
  total: money,
  createdAt: z.date(),
  customer: customerRef,
  customerUser: personRef,
});
export const quoteDetailOutput = quoteOutput.extend({ updatedAt: z.date(), rfqId: z.number().nullable() });

export const rfqOutput = z.object({
  id: z.number(),
  poNumber: z.string().nullable(),
  status: z.enum(recordStatuses.rfq),
  shipUntil: z.date().nullable(),
  createdAt: z.date(),
  customer: customerRef,
  customerUser: personRef,
});
export const rfqDetailOutput = rfqOutput.extend({
  note: z.string().nullable(),
  updatedAt: z.date(),
  quotes: z.array(z.object({ id: z.number(), number: z.string(), status: z.enum(recordStatuses.quote) })),
});

export const shoppingListOutput = z.object({
  id: z.number(),
  label: z.string(),
  isDefault: z.boolean(),
  lineItemCount: z.number(),
  currency: z.string(),
  subtotal: money,
  createdAt: z.date(),
  customer: customerRef,
  customerUser: personRef,
});
export const shoppingListDetailOutput = shoppingListOutput.extend({ notes: z.string().nullable(), updatedAt: z.date() });

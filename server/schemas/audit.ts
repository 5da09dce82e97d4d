import { z } from "zod";
import { cursor } from "./grid";
import { moment, pageSize, text } from "./common";

export const listAuditInput = z.object({
  cursor,
  limit: pageSize,
  /** e.g. "CustomerUser" */
  entityType: text(60).optional(),
  entityId: text(60).optional(),
  /** Action prefix, e.g. "customerUser." */
  action: text(80).optional(),
  from: moment(z.coerce.date()).optional(),
  to: moment(z.coerce.date()).optional(),
});
export type ListAuditInput = z.output<typeof listAuditInput>;

import { z } from "zod";
import { id, moment, pageSize, text } from "./common";

export const listAuditInput = z.object({
  before: id.optional(),
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

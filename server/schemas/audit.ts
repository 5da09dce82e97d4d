import { z } from "zod";
import { id, pageSize } from "./common";

export const listAuditInput = z.object({
  before: id.optional(),
  limit: pageSize,
  /** e.g. "CustomerUser" */
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  /** Action prefix, e.g. "customerUser." */
  action: z.string().trim().max(80).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type ListAuditInput = z.output<typeof listAuditInput>;

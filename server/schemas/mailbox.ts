import { z } from "zod";
import { id, pageSize, text } from "./common";

/** The outbox as staff read it (newest first): `before` is the id of the last message of the page before. */
export const listMailboxInput = z.object({
  before: id.optional(),
  limit: pageSize,
  to: text(254).optional(),
  customerUserId: id.optional(),
});

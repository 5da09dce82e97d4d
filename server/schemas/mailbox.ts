import { z } from "zod";
import { cursor } from "./grid";
import { id, pageSize, text } from "./common";

/** The outbox as staff read it (newest first): `cursor` is the id of the last message of the page before. */
export const listMailboxInput = z.object({
  cursor,
  limit: pageSize,
  to: text(254).optional(),
  customerUserId: id.optional(),
});

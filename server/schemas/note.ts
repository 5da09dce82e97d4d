import { z } from "zod";
import { cursor } from "./grid";
import { id, pageSize, requiredText } from "./common";

/** Staff notes on a customer or a customer user (the "communication" of their pages in the back office). */
export const noteBody = requiredText(5000, "Write the note.");
const body = noteBody;

export const listNotesInput = z.object({
  customerUserId: id,
  /** Keyset cursor: the id of the last note of the previous page as text (newest first). */
  cursor,
  limit: pageSize,
});
export const createNoteInput = z.object({ customerUserId: id, body });
export type CreateNoteInput = z.input<typeof createNoteInput>;
export const updateNoteInput = z.object({ id, body });
export type UpdateNoteInput = z.input<typeof updateNoteInput>;
export const noteIdInput = z.object({ id });

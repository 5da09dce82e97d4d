import { createTRPCRouter, staffProcedure } from "../../trpc";
import { createNoteInput, listNotesInput, noteIdInput, updateNoteInput } from "../../../schemas/note";
import { createCalendarEventInput, listCalendarEventsInput } from "../../../schemas/calendarEvent";
import * as notes from "../../../services/customerUsers/notes";
import * as events from "../../../services/customerUsers/events";

/** Notes on a customer user: read with the user, written with "Add and edit notes and events". */
export const notesRouter = createTRPCRouter({
  list: staffProcedure("customerUser.view")
    .input(listNotesInput)
    .query(({ ctx, input }) => notes.listNotes(ctx.db, ctx.actor, input)),
  create: staffProcedure("customerUser.notes")
    .input(createNoteInput)
    .mutation(({ ctx, input }) => notes.createNote(ctx.db, ctx.actor, input)),
  update: staffProcedure("customerUser.notes")
    .input(updateNoteInput)
    .mutation(({ ctx, input }) => notes.updateNote(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customerUser.notes")
    .input(noteIdInput)
    .mutation(({ ctx, input }) => notes.deleteNote(ctx.db, ctx.actor, input.id)),
});

/** Events scheduled with a customer user, under the same permissions as notes. */
export const calendarEventsRouter = createTRPCRouter({
  list: staffProcedure("customerUser.view")
    .input(listCalendarEventsInput)
    .query(({ ctx, input }) => events.listCalendarEvents(ctx.db, ctx.actor, input)),
  create: staffProcedure("customerUser.notes")
    .input(createCalendarEventInput)
    .mutation(({ ctx, input }) => events.createCalendarEvent(ctx.db, ctx.actor, input)),
});

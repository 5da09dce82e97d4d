import { z } from "zod";
import { cursor } from "./grid";
import { id, moment as within, optionalText, pageSize, requiredText, text } from "./common";

/** Scheduled events with a customer user (calls, visits, reviews), kept with their page in the back office. */
export const listCalendarEventsInput = z.object({
  customerUserId: id,
  cursor,
  limit: pageSize,
});

const moment = within(z.coerce.date({ error: "Enter a valid date and time." }));

export const createCalendarEventInput = z
  .object({
    customerUserId: id,
    title: requiredText(200, "Name the event."),
    description: optionalText(2000),
    startAt: moment,
    endAt: moment.nullable().default(null),
  })
  .refine((event) => !event.endAt || event.endAt >= event.startAt, { path: ["endAt"], message: "The event cannot end before it starts." });

/** The form works with datetime-local strings and sends dates. */
export const calendarEventForm = z
  .object({
    title: createCalendarEventInput.shape.title,
    description: createCalendarEventInput.shape.description,
    startAt: text(30).min(1, "Choose when the event starts."),
    endAt: text(30).optional(),
  })
  .refine((event) => !event.endAt || event.endAt >= event.startAt, { path: ["endAt"], message: "The event cannot end before it starts." });
export type CalendarEventForm = z.input<typeof calendarEventForm>;

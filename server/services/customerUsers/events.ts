import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import type { createCalendarEventInput, listCalendarEventsInput } from "../../schemas/calendarEvent";
import { recordAudit } from "../audit/record";
import { keysetPage, newestFirst } from "../kit/keyset";
import { onePage, visibleUser, writableUser } from "./notes";

/** Events scheduled with a customer user: seen with the user, added where the staff member's notes permission reaches. */
const eventSelect = {
  id: true,
  title: true,
  description: true,
  startAt: true,
  endAt: true,
  createdAt: true,
  createdBy: { select: { id: true, firstName: true, lastName: true } },
} as const;

/** Newest first, keyset-paged by id (as they were scheduled). */
export async function listCalendarEvents(db: DbClient, actor: StaffPrincipal, input: z.output<typeof listCalendarEventsInput>) {
  await visibleUser(db, actor, input.customerUserId);
  const rows = await db.calendarEvent.findMany({
    where: onePage(input),
    select: eventSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const now = Date.now();
  return keysetPage(
    rows.map((row) => ({ ...row, upcoming: row.startAt.getTime() > now })),
    input.limit,
    newestFirst,
  );
}

export async function createCalendarEvent(db: Db, actor: StaffPrincipal, input: z.output<typeof createCalendarEventInput>) {
  return db.$transaction(async (tx) => {
    const user = await writableUser(tx, actor, input.customerUserId);
    const event = await tx.calendarEvent.create({
      data: {
        customerUserId: user.id,
        createdById: actor.id,
        title: input.title,
        description: input.description ?? null,
        startAt: input.startAt,
        endAt: input.endAt,
      },
      select: eventSelect,
    });
    await recordAudit(tx, actor, {
      action: "calendarEvent.create",
      entityType: "CalendarEvent",
      entityId: event.id,
      customerPath: user.customerPath,
      subjectUserId: user.id,
      after: {
        customerUserId: user.id,
        title: event.title,
        startAt: event.startAt.toISOString(),
        endAt: event.endAt?.toISOString() ?? null,
      },
    });
    return event;
  });
}

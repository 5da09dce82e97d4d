import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import type { createNoteInput, listNotesInput, updateNoteInput } from "../../schemas/note";
import { recordAudit } from "../audit/record";
import { keysetWhere, newestFirst, keysetPage } from "../kit/keyset";
import { lockCustomerPath } from "../customers/paths";

/**
 * Staff notes on a customer user. Read where the staff member sees the user; written, edited and deleted where
 * their "notes" permission reaches the user (a sales manager: users of the customers they represent).
 */
export const noteSelect = {
  id: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, firstName: true, lastName: true } },
} as const;

export async function listNotes(db: DbClient, actor: StaffPrincipal, input: z.output<typeof listNotesInput>) {
  await visibleUser(db, actor, input.customerUserId);
  const rows = await db.note.findMany({ where: onePage(input), select: noteSelect, orderBy: { id: "desc" }, take: input.limit + 1 });
  return keysetPage(rows, input.limit, newestFirst);
}

/** One user's rows, after the cursor (newest first): notes and events page alike. */
export const onePage = (input: { customerUserId: number; cursor?: string }) => ({
  customerUserId: input.customerUserId,
  ...keysetWhere(newestFirst, input.cursor),
});

const writable = (actor: StaffPrincipal) => scopeWhere(actor, "customerUser.notes");

/**
 * The user whose notes and events the actor may write, with their customer's path read locked: the audit entry
 * keeps a copy of it (see lockCustomerPath).
 */
export async function writableUser(tx: DbClient, actor: StaffPrincipal, id: number) {
  const user = await tx.customerUser.findFirst({ where: { id, ...writable(actor) }, select: { id: true, customerId: true } });
  const customer = user && (await lockCustomerPath(tx, user.customerId));
  if (!user || !customer) throw notFound("Customer user");
  return { id: user.id, customerPath: customer.path };
}

export async function createNote(db: Db, actor: StaffPrincipal, input: z.output<typeof createNoteInput>) {
  return db.$transaction(async (tx) => {
    const user = await writableUser(tx, actor, input.customerUserId);
    const now = new Date();
    // Both stamps alike, so a note reads as edited exactly when an edit moved updatedAt.
    const note = await tx.note.create({
      data: { body: input.body, customerUserId: user.id, authorId: actor.id, createdAt: now, updatedAt: now },
      select: noteSelect,
    });
    await recordAudit(tx, actor, {
      action: "note.create",
      entityType: "Note",
      entityId: note.id,
      customerPath: user.customerPath,
      subjectUserId: user.id,
      after: { customerUserId: user.id, body: note.body },
    });
    return note;
  });
}

async function noteInReach(tx: DbClient, actor: StaffPrincipal, id: number) {
  const note = await tx.note.findFirst({
    // Notes about a customer (no customer user) belong to the customer's page, not here.
    where: { id, customerUser: writable(actor) },
    select: { id: true, body: true, customerUserId: true },
  });
  if (!note) throw notFound("Note");
  const user = await writableUser(tx, actor, note.customerUserId!);
  return { ...note, customerPath: user.customerPath };
}

export async function updateNote(db: Db, actor: StaffPrincipal, input: z.output<typeof updateNoteInput>) {
  return db.$transaction(async (tx) => {
    const before = await noteInReach(tx, actor, input.id);
    const note = await tx.note.update({ where: { id: before.id }, data: { body: input.body }, select: noteSelect });
    await recordAudit(tx, actor, {
      action: "note.update",
      entityType: "Note",
      entityId: note.id,
      customerPath: before.customerPath,
      subjectUserId: before.customerUserId,
      before: { body: before.body },
      after: { body: note.body },
    });
    return note;
  });
}

export async function deleteNote(db: Db, actor: StaffPrincipal, id: number) {
  return db.$transaction(async (tx) => {
    const before = await noteInReach(tx, actor, id);
    await tx.note.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "note.delete",
      entityType: "Note",
      entityId: before.id,
      customerPath: before.customerPath,
      subjectUserId: before.customerUserId,
      before: { customerUserId: before.customerUserId, body: before.body },
    });
    return { id: before.id };
  });
}

/** The customer user whose notes and events are asked for, if the actor sees them; else NOT_FOUND. */
export async function visibleUser(db: DbClient, actor: StaffPrincipal, id: number) {
  const user = await db.customerUser.findFirst({ where: { id, ...scopeWhere(actor, "customerUser.view") }, select: { id: true } });
  if (!user) throw notFound("Customer user");
  return user;
}

import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import type { createCustomerNoteInput, listCustomerNotesInput, updateNoteInput } from "../../schemas/customer";
import { recordAudit } from "../audit/record";
import { keysetWhere, newestFirst, keysetPage } from "../kit/keyset";
import { noteSelect } from "../customerUsers/notes";
import { customerInScope } from "./queries";

/** Notes staff keep about a customer: read with `customer.view`, written with `customer.edit`, in the actor's scope. */

const select = noteSelect;

/** A page of the customer's notes, newest first, after the note `after`. */
export async function listCustomerNotes(db: DbClient, actor: StaffPrincipal, input: z.output<typeof listCustomerNotesInput>) {
  const customer = await customerInScope(db, actor, input.id, "customer.view");
  const rows = await db.note.findMany({
    where: { customerId: customer.id, ...keysetWhere(newestFirst, input.cursor) },
    select,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(rows, input.limit, newestFirst);
}

async function noteInScope(tx: DbClient, actor: StaffPrincipal, id: number) {
  const note = await tx.note.findFirst({
    // Notes about customer users have no customer: those are not this page's to change.
    where: { id, customerId: { not: null }, customer: scopeWhere(actor, "customer.edit") },
    select: { ...select, customer: { select: { path: true } } },
  });
  if (!note) throw notFound("Note");
  return note;
}

export async function createCustomerNote(db: Db, actor: StaffPrincipal, input: z.output<typeof createCustomerNoteInput>) {
  return db.$transaction(async (tx) => {
    const customer = await customerInScope(tx, actor, input.customerId, "customer.edit");
    const now = new Date();
    // Both stamps alike, so a note reads as edited exactly when an edit moved updatedAt.
    const note = await tx.note.create({
      data: { customerId: customer.id, authorId: actor.id, body: input.body, createdAt: now, updatedAt: now },
      select,
    });
    await recordAudit(tx, actor, {
      action: "note.create",
      entityType: "Note",
      entityId: note.id,
      customerPath: customer.path,
      subjectUserId: null,
      after: { body: note.body },
    });
    return note;
  });
}

export async function updateCustomerNote(db: Db, actor: StaffPrincipal, input: z.output<typeof updateNoteInput>) {
  return db.$transaction(async (tx) => {
    const before = await noteInScope(tx, actor, input.id);
    const note = await tx.note.update({ where: { id: before.id }, data: { body: input.body }, select });
    await recordAudit(tx, actor, {
      action: "note.update",
      entityType: "Note",
      entityId: note.id,
      customerPath: before.customer!.path,
      subjectUserId: null,
      before: { body: before.body },
      after: { body: note.body },
    });
    return note;
  });
}

export async function deleteCustomerNote(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const before = await noteInScope(tx, actor, input.id);
    await tx.note.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "note.delete",
      entityType: "Note",
      entityId: before.id,
      customerPath: before.customer!.path,
      subjectUserId: null,
      before: { body: before.body },
    });
    return { id: before.id };
  });
}

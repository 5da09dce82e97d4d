import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Principal } from "../../authz/access";
import { AppError } from "../../errors";
import type { createCustomerUserInput, updateCustomerUserInput } from "../../schemas/customerUser";
import { recordAudit } from "../audit/record";
import { createCustomerNode, lockCustomerPath } from "../customers/paths";
import { websiteLocalizations } from "../settings/storefront";
import { customersFor } from "./choices";

/**
 * The checks and pieces creating and editing a customer user share (create.ts, update.ts): the customer of the
 * save (an existing one within reach, or a new subsidiary), a free email, the sales representatives, the
 * preferred localization, and the person's fields as stored and audited. Every refusal is thrown inside the
 * save's transaction, so nothing is written.
 */

export type CreateInput = z.output<typeof createCustomerUserInput>;
export type UpdateInput = z.output<typeof updateCustomerUserInput>;

export const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const dayOf = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);
export const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;
export const unique = (ids: readonly number[]) => [...new Set(ids)];

export const badRequest = (field: string, message: string) => new AppError("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
/** A customer outside the actor's reach is not there for them (NOT_FOUND), with a word for the field. */
const customerNotFound = (field: string, hint: string) =>
  new AppError("NOT_FOUND", "Customer not found.", { fieldErrors: { [field]: [hint] } });

/** A new subsidiary under a parent the actor may add subsidiaries to: same group, owner and sales representatives. */
async function createSubsidiary(tx: DbClient, actor: Principal, input: { name: string; parentId: number }) {
  const parent = await tx.customer.findFirst({
    where: { AND: [{ id: input.parentId }, customersFor(actor, "subsidiary")] },
    select: { id: true, groupId: true, ownerId: true, salesRepresentatives: { select: { staffUserId: true } } },
  });
  if (!parent) throw customerNotFound("newCustomer.parentId", "Choose a parent customer you may add subsidiaries to.");
  const customer = await createCustomerNode(tx, {
    name: input.name,
    parentId: parent.id,
    groupId: parent.groupId,
    ownerId: parent.ownerId,
  });
  const reps = parent.salesRepresentatives.map((s) => s.staffUserId);
  if (reps.length) await tx.customerSalesRep.createMany({ data: reps.map((staffUserId) => ({ customerId: customer.id, staffUserId })) });
  await recordAudit(tx, actor, {
    action: "customer.create",
    entityType: "Customer",
    entityId: customer.id,
    customerPath: customer.path,
    after: { name: customer.name, parentId: parent.id },
  });
  return { id: customer.id, name: customer.name, path: customer.path, ownerId: parent.ownerId, salesRepresentativeIds: reps };
}

/**
 * The customer the saved user represents: a new subsidiary, the one they have, or one the actor may add or move
 * them to. Its path is read locked (lockCustomerPath), since the user row keeps a copy of it.
 */
export async function customerOfSave(tx: DbClient, actor: Principal, input: CreateInput | UpdateInput, current?: { id: number }) {
  if (input.newCustomer) return createSubsidiary(tx, actor, input.newCustomer);
  const purpose = current ? "edit" : "create";
  const where = current?.id === input.customerId ? { id: current.id } : { AND: [{ id: input.customerId! }, customersFor(actor, purpose)] };
  const customer = await tx.customer.findFirst({
    where,
    select: { id: true, ownerId: true, salesRepresentatives: { select: { staffUserId: true } } },
  });
  const locked = customer && (await lockCustomerPath(tx, customer.id));
  if (!customer || !locked)
    throw customerNotFound(
      "customerId",
      purpose === "create" ? "Choose a customer you may add users to." : "Choose a customer you may move users to.",
    );
  return {
    id: customer.id,
    name: locked.name,
    path: locked.path,
    ownerId: customer.ownerId,
    salesRepresentativeIds: customer.salesRepresentatives.map((s) => s.staffUserId),
  };
}

export async function assertEmailFree(tx: DbClient, email: string, userId?: number) {
  const owner = await tx.customerUser.findUnique({ where: { email }, select: { id: true } });
  if (owner && owner.id !== userId) {
    throw new AppError("CONFLICT", "This email is already in use.", { fieldErrors: { email: ["This email is already in use."] } });
  }
}

/** Staff users to assist the user; only staff choose them. */
export async function checkedSalesReps(tx: DbClient, actor: Principal, ids: number[] | undefined) {
  if (ids === undefined) return undefined;
  if (actor.realm !== "staff") throw new AppError("FORBIDDEN", "Only staff choose sales representatives.");
  const found = await tx.staffUser.count({ where: { id: { in: ids }, enabled: true } });
  if (found !== ids.length) throw badRequest("salesRepresentativeIds", "Choose enabled staff users as sales representatives.");
  return ids;
}

/** The preferred localization to store for the website: asked when it offers several, else its only one. */
export async function checkedLocalization(tx: DbClient, websiteId: number | null, localizationId: number | null) {
  if (websiteId === null) return null;
  if (!(await tx.website.count({ where: { id: websiteId } }))) throw badRequest("websiteId", "Choose an existing website.");
  const localizations = await websiteLocalizations(tx, websiteId);
  if (localizations.length <= 1) return localizations[0]?.id ?? null;
  if (localizationId === null) throw badRequest("localizationId", "Choose the preferred localization for this website.");
  if (!localizations.some((l) => l.id === localizationId)) throw badRequest("localizationId", "Choose one of the website's localizations.");
  return localizationId;
}

export async function saveLocalization(tx: DbClient, customerUserId: number, websiteId: number | null, localizationId: number | null) {
  if (websiteId === null) return;
  const key = { customerUserId, websiteId };
  await tx.customerUserWebsiteSettings.upsert({
    where: { customerUserId_websiteId: key },
    create: { ...key, localizationId },
    update: { localizationId },
  });
}

export const personFields = (input: CreateInput | UpdateInput) => ({
  enabled: input.enabled,
  namePrefix: input.namePrefix ?? null,
  firstName: input.firstName,
  middleName: input.middleName ?? null,
  lastName: input.lastName,
  nameSuffix: input.nameSuffix ?? null,
  email: input.email,
  birthday: dayOf(input.birthday),
  phone: input.phone ?? null,
});

/** Audit-friendly snapshot of what the form edits. */
export function snapshot(fields: ReturnType<typeof personFields>, extra: Record<string, Prisma.InputJsonValue | null>) {
  return { ...fields, birthday: isoDay(fields.birthday), ...extra } as Prisma.InputJsonObject;
}

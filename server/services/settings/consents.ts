import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { AppError, notFound, staleVersion } from "../../errors";
import type { createConsentInput, updateConsentInput } from "../../schemas/consent";
import { recordAudit } from "../audit/record";

/**
 * The consents the storefront asks for (at registration and on the account's consents page). Once someone has
 * accepted a consent, what they accepted must stay provable: its wording is fixed and it is never deleted — it is
 * deactivated instead, and a new consent carries new wording.
 */

export async function listConsentDefinitions(db: DbClient) {
  const consents = await db.consent.findMany({
    select: {
      id: true,
      title: true,
      body: true,
      mandatory: true,
      active: true,
      sortOrder: true,
      updatedAt: true,
      _count: { select: { acceptances: true } },
    },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  const current = await db.consentAcceptance.groupBy({ by: ["consentId"], where: { withdrawnAt: null }, _count: { _all: true } });
  return consents.map(({ _count, ...consent }) => ({
    ...consent,
    acceptances: _count.acceptances,
    currentAcceptances: current.find((row) => row.consentId === consent.id)?._count._all ?? 0,
  }));
}

const snapshot = (c: { title: string; body: string; mandatory: boolean; active: boolean; sortOrder: number }) => ({
  title: c.title,
  body: c.body,
  mandatory: c.mandatory,
  active: c.active,
  sortOrder: c.sortOrder,
});

export async function createConsentDefinition(db: Db, actor: StaffPrincipal, input: z.output<typeof createConsentInput>) {
  return db.$transaction(async (tx) => {
    const consent = await tx.consent.create({ data: input, select: { id: true } });
    await recordAudit(tx, actor, { action: "consent.create", entityType: "Consent", entityId: consent.id, after: snapshot(input) });
    return consent;
  });
}

const times = (n: number) => (n === 1 ? "once" : `${n} times`);

export async function updateConsentDefinition(db: Db, actor: StaffPrincipal, input: z.output<typeof updateConsentInput>) {
  return db.$transaction(async (tx) => {
    const consent = await tx.consent.findUnique({ where: { id: input.id }, include: { _count: { select: { acceptances: true } } } });
    if (!consent) throw notFound("Consent");
    if (consent.updatedAt.getTime() !== input.updatedAt.getTime()) throw staleVersion();
    const accepted = consent._count.acceptances;
    if (accepted > 0 && (consent.title !== input.title || consent.body !== input.body)) {
      const message = `“${consent.title}” has been accepted ${times(accepted)}, so its wording stays as it was accepted. To change it, add a new consent and deactivate this one.`;
      throw new AppError("BAD_REQUEST", message, {
        fieldErrors: {
          ...(consent.title !== input.title ? { title: ["Accepted already: the title cannot change."] } : {}),
          ...(consent.body !== input.body ? { body: ["Accepted already: the text cannot change."] } : {}),
        },
      });
    }
    const { id, updatedAt, ...values } = input;
    const claimed = await tx.consent.updateMany({ where: { id, updatedAt }, data: values });
    if (claimed.count !== 1) throw staleVersion();
    await recordAudit(tx, actor, {
      action: "consent.update",
      entityType: "Consent",
      entityId: id,
      before: snapshot(consent),
      after: snapshot(values),
    });
    return tx.consent.findUniqueOrThrow({ where: { id }, select: { id: true, updatedAt: true } });
  });
}

export async function deleteConsentDefinition(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const consent = await tx.consent.findUnique({ where: { id: input.id }, include: { _count: { select: { acceptances: true } } } });
    if (!consent) throw notFound("Consent");
    const accepted = consent._count.acceptances;
    if (accepted > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `“${consent.title}” has been accepted ${times(accepted)}; those acceptances must stay provable, so it cannot be deleted. Deactivate it instead: it then no longer shows at registration.`,
      );
    }
    await tx.consent.delete({ where: { id: consent.id } });
    await recordAudit(tx, actor, { action: "consent.delete", entityType: "Consent", entityId: consent.id, before: snapshot(consent) });
    return { id: consent.id };
  });
}

import type { Db, DbClient } from "../../db";
import type { CustomerPrincipal } from "../../authz/access";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/record";

/**
 * A user's consents. Accepting adds an acceptance; withdrawing stamps it (withdrawnAt) and keeps it, so the record
 * of what was agreed when stays provable. Mandatory consents are a condition of having an account: they are not
 * withdrawn here.
 */
export async function listConsents(db: DbClient, actor: CustomerPrincipal) {
  const consents = await db.consent.findMany({
    where: { OR: [{ active: true }, { acceptances: { some: { customerUserId: actor.id } } }] },
    select: {
      id: true,
      title: true,
      body: true,
      mandatory: true,
      active: true,
      acceptances: {
        where: { customerUserId: actor.id },
        select: { id: true, acceptedAt: true, withdrawnAt: true },
        orderBy: { acceptedAt: "desc" },
      },
    },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return consents.map(({ acceptances, ...consent }) => ({
    ...consent,
    current: acceptances.find((a) => !a.withdrawnAt) ?? null,
    history: acceptances,
  }));
}

async function findConsent(tx: DbClient, consentId: number) {
  const consent = await tx.consent.findUnique({
    where: { id: consentId },
    select: { id: true, title: true, mandatory: true, active: true },
  });
  if (!consent) throw notFound("Consent");
  return consent;
}

export async function acceptConsent(db: Db, actor: CustomerPrincipal, input: { consentId: number }) {
  return db.$transaction(async (tx) => {
    const consent = await findConsent(tx, input.consentId);
    if (!consent.active) throw new AppError("BAD_REQUEST", `“${consent.title}” is no longer offered.`);
    const current = await tx.consentAcceptance.findFirst({
      where: { consentId: consent.id, customerUserId: actor.id, withdrawnAt: null },
      select: { id: true, acceptedAt: true },
    });
    if (current) return current;
    const created = await tx.consentAcceptance.create({
      data: { consentId: consent.id, customerUserId: actor.id },
      select: { id: true, acceptedAt: true },
    });
    await recordAudit(tx, actor, {
      action: "consent.accept",
      entityType: "ConsentAcceptance",
      entityId: created.id,
      customerPath: actor.customerPath,
      subjectUserId: actor.id,
      after: { consentId: consent.id, title: consent.title, acceptedAt: created.acceptedAt.toISOString() },
    });
    return created;
  });
}

export async function withdrawConsent(db: Db, actor: CustomerPrincipal, input: { consentId: number }) {
  return db.$transaction(async (tx) => {
    const consent = await findConsent(tx, input.consentId);
    if (consent.mandatory) {
      throw new AppError(
        "BAD_REQUEST",
        `“${consent.title}” is required to have an account, so it cannot be withdrawn. If you no longer agree, ask us to close your account.`,
      );
    }
    const withdrawnAt = new Date();
    const current = await tx.consentAcceptance.findMany({
      where: { consentId: consent.id, customerUserId: actor.id, withdrawnAt: null },
      select: { id: true },
    });
    if (current.length === 0) throw new AppError("BAD_REQUEST", `You have not accepted “${consent.title}”.`);
    await tx.consentAcceptance.updateMany({ where: { id: { in: current.map((a) => a.id) } }, data: { withdrawnAt } });
    await recordAudit(tx, actor, {
      action: "consent.withdraw",
      entityType: "ConsentAcceptance",
      entityId: current[0]!.id,
      customerPath: actor.customerPath,
      subjectUserId: actor.id,
      before: { consentId: consent.id, title: consent.title, withdrawnAt: null },
      after: { consentId: consent.id, title: consent.title, withdrawnAt: withdrawnAt.toISOString() },
    });
    return { consentId: consent.id, withdrawnAt };
  });
}

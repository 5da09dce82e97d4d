import { assertNotImpersonating } from "../customerUsers/impersonation";
import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { CustomerPrincipal } from "../../authz/access";
import { AppError, staleVersion } from "../../errors";
import { enqueueEmail, localeOfCustomerUser, secretLink } from "../../email/outbox";
import type { changeEmailInput, updateProfileInput } from "../../schemas/profile";
import { recordAudit } from "../audit/record";
import { verifyCurrentPassword } from "../identity/passwords";
import { consumeToken, invalidToken, issueCustomerToken } from "../identity/tokens";
import { websiteLocalizations } from "../settings/storefront";
import { personSelect } from "../customerUsers/person";

/** One's own profile: name, birthday, phone, preferred language; the email changes only once the new one is proven. */

const profileSelect = {
  id: true,
  ...personSelect,
  version: true,
  websiteId: true,
  customerPath: true,
  confirmedAt: true,
  createdAt: true,
  customer: { select: { name: true } },
} as const;

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function preferredLocalizationId(db: DbClient, userId: number, websiteId: number | null) {
  if (!websiteId) return null;
  const settings = await db.customerUserWebsiteSettings.findUnique({
    where: { customerUserId_websiteId: { customerUserId: userId, websiteId } },
    select: { localizationId: true },
  });
  return settings?.localizationId ?? null;
}

export async function getProfile(db: DbClient, actor: CustomerPrincipal) {
  const { customerPath: _path, ...user } = await db.customerUser.findUniqueOrThrow({ where: { id: actor.id }, select: profileSelect });
  const localizations = await websiteLocalizations(db, user.websiteId);
  const pending = await db.token.findFirst({
    where: { customerUserId: actor.id, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true },
    orderBy: { id: "desc" },
  });
  return {
    ...user,
    birthday: isoDay(user.birthday),
    // A choice only makes sense when the website speaks more than one language.
    localizations: localizations.length > 1 ? localizations : [],
    localizationId: await preferredLocalizationId(db, actor.id, user.websiteId),
    pendingEmail: pending?.email ?? null,
    canEdit: actor.grants.has("profile.update"),
  };
}

export async function updateProfile(db: Db, actor: CustomerPrincipal, input: z.output<typeof updateProfileInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.customerUser.findUniqueOrThrow({ where: { id: actor.id }, select: profileSelect });
    if (before.version !== input.version) throw staleVersion();
    const beforeLocalization = await preferredLocalizationId(tx, actor.id, before.websiteId);
    const localizations = await websiteLocalizations(tx, before.websiteId);
    const changeLocalization = input.localizationId !== undefined && localizations.length > 1 && before.websiteId;
    if (changeLocalization && input.localizationId !== null && !localizations.some((l) => l.id === input.localizationId)) {
      throw new AppError("BAD_REQUEST", "Choose one of the website's languages.", {
        fieldErrors: { localizationId: ["Choose one of the website's languages."] },
      });
    }
    const fields = {
      namePrefix: input.namePrefix ?? null,
      firstName: input.firstName,
      middleName: input.middleName ?? null,
      lastName: input.lastName,
      nameSuffix: input.nameSuffix ?? null,
      birthday: input.birthday ? new Date(`${input.birthday}T00:00:00Z`) : null,
      phone: input.phone ?? null,
    };
    // The version in the WHERE makes the check and the write one step: a concurrent save cannot slip between.
    const updated = await tx.customerUser.updateMany({
      where: { id: actor.id, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw staleVersion();
    if (changeLocalization) {
      const key = { customerUserId: actor.id, websiteId: before.websiteId! };
      await tx.customerUserWebsiteSettings.upsert({
        where: { customerUserId_websiteId: key },
        create: { ...key, localizationId: input.localizationId ?? null },
        update: { localizationId: input.localizationId ?? null },
      });
    }
    await recordAudit(tx, actor, {
      action: "customerUser.updateProfile",
      entityType: "CustomerUser",
      entityId: actor.id,
      customerPath: before.customerPath,
      before: { ...pick(before, fields), birthday: isoDay(before.birthday), localizationId: beforeLocalization },
      after: {
        ...fields,
        birthday: input.birthday ?? null,
        localizationId: changeLocalization ? (input.localizationId ?? null) : beforeLocalization,
      },
    });
    return { version: input.version + 1 };
  });
}

function pick<T extends object>(source: T, keys: object) {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, source[key as keyof T]]));
}

async function assertEmailFree(db: DbClient, email: string, userId: number) {
  const owner = await db.customerUser.findUnique({ where: { email }, select: { id: true } });
  if (owner && owner.id !== userId) {
    throw new AppError("CONFLICT", "This email is already in use.", { fieldErrors: { email: ["This email is already in use."] } });
  }
}

/**
 * Starts an email change: a link to the new address (which must prove it is theirs) and a notice to the old one.
 * Nothing changes until the link is followed.
 */
export async function requestEmailChange(db: Db, actor: CustomerPrincipal, input: z.output<typeof changeEmailInput>) {
  assertNotImpersonating(actor, "change their email address");
  await verifyCurrentPassword(db, actor, input.currentPassword);
  if (input.email === actor.email) {
    throw new AppError("BAD_REQUEST", "This is already your email address.", {
      fieldErrors: { email: ["This is already your email address."] },
    });
  }
  await assertEmailFree(db, input.email, actor.id);
  return db.$transaction(async (tx) => {
    const user = await tx.customerUser.findUniqueOrThrow({
      where: { id: actor.id },
      select: { id: true, email: true, firstName: true, lastName: true, websiteId: true, customerPath: true },
    });
    const locale = await localeOfCustomerUser(tx, user);
    const toName = `${user.firstName} ${user.lastName}`;
    const { raw, hours } = await issueCustomerToken(tx, "EMAIL_CHANGE", user, { email: input.email });
    await enqueueEmail(tx, {
      template: "emailChangeVerify",
      locale,
      to: input.email,
      toName,
      props: { firstName: user.firstName, newEmail: input.email, link: secretLink("/confirm-email"), hours },
      secret: raw,
      customerUserId: user.id,
    });
    await enqueueEmail(tx, {
      template: "emailChangeNotice",
      locale,
      to: user.email,
      toName,
      props: { firstName: user.firstName, newEmail: input.email },
      customerUserId: user.id,
    });
    await recordAudit(tx, actor, {
      action: "customerUser.requestEmailChange",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      after: { newEmail: input.email },
    });
    return { pendingEmail: input.email };
  });
}

export async function cancelEmailChange(db: DbClient, actor: CustomerPrincipal) {
  await db.token.updateMany({ where: { customerUserId: actor.id, purpose: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: new Date() } });
  return { pendingEmail: null };
}

/**
 * Applies an email change from the link sent to the new address. Sessions stay valid (the address is not a
 * credential of the session); links sent to the old address (confirmation, password reset) are void.
 */
export async function confirmEmailChange(db: Db, raw: string) {
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, "EMAIL_CHANGE", raw);
    const user = await tx.customerUser.findUnique({
      where: { id: token.customerUserId ?? 0 },
      select: { id: true, email: true, confirmedAt: true, customerPath: true, erasedAt: true },
    });
    if (!user || user.erasedAt) throw invalidToken();
    await assertEmailFree(tx, token.email, user.id);
    await tx.customerUser.update({
      where: { id: user.id },
      data: { email: token.email, confirmedAt: user.confirmedAt ?? new Date(), version: { increment: 1 } },
    });
    await tx.token.updateMany({
      where: { customerUserId: user.id, purpose: { in: ["EMAIL_CONFIRMATION", "PASSWORD_RESET", "SET_PASSWORD"] }, usedAt: null },
      data: { usedAt: new Date() },
    });
    await recordAudit(
      tx,
      { realm: "system" },
      {
        action: "customerUser.changeEmail",
        entityType: "CustomerUser",
        entityId: user.id,
        customerPath: user.customerPath,
        before: { email: user.email },
        after: { email: token.email },
      },
    );
    return { email: token.email };
  });
}

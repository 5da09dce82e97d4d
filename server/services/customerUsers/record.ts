import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import type { customerUserEmailsInput } from "../../schemas/customerUser";
import { addressFields } from "../addresses/fields";
import { visibleParent } from "../customers/paths";
import { keysetWhere, newestFirst, keysetPage } from "../kit/keyset";
import { isoDay } from "./saveChecks";
import { personSelect } from "./person";

/**
 * A customer user's record as the view and edit pages read it, with their consents and the emails written to
 * them. Realm-generic: staff in the back office and a customer's administrator on the storefront, each bounded by
 * their scope (NOT_FOUND beyond it).
 */

const recordSelect = {
  id: true,
  ...personSelect,
  enabled: true,
  confirmedAt: true,
  authStatus: true,
  version: true,
  passwordHash: true,
  loginCount: true,
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
  erasedAt: true,
  websiteId: true,
  customer: { select: { id: true, name: true, path: true, enabled: true, parent: { select: { id: true, name: true } } } },
  website: { select: { id: true, name: true } },
  owner: { select: { id: true, firstName: true, lastName: true } },
  salesRepresentatives: {
    select: { staffUser: { select: { id: true, firstName: true, lastName: true, email: true } } },
    orderBy: { staffUserId: "asc" },
  },
  roles: { select: { role: { select: { id: true, label: true, customerId: true } } }, orderBy: { roleId: "asc" } },
  websiteSettings: { select: { websiteId: true, localization: { select: { id: true, code: true, name: true } } } },
  addresses: { select: { id: true, ...addressFields }, orderBy: { id: "asc" } },
} as const satisfies Prisma.CustomerUserSelect;

/** The whole record, as the view and edit pages show it; NOT_FOUND outside the actor's scope. */
export async function getCustomerUser(db: DbClient, actor: Principal, id: number) {
  const user = await db.customerUser.findFirst({ where: { id, ...scopeWhere(actor, "customerUser.view") }, select: recordSelect });
  if (!user) throw notFound("Customer user");
  const { websiteSettings, salesRepresentatives, roles, passwordHash, ...rest } = user;
  const customer = await visibleParent(db, user.customer, scopeWhere(actor, "customer.view"));
  const localization = websiteSettings.find((s) => s.websiteId === user.websiteId)?.localization ?? null;
  return {
    ...rest,
    /** Whether a password was chosen yet (the hash itself never leaves the service). */
    hasPassword: passwordHash !== null,
    birthday: isoDay(user.birthday),
    customer: { id: customer.id, name: customer.name, enabled: customer.enabled, parent: customer.parent },
    localization,
    salesRepresentatives: salesRepresentatives.map((s) => s.staffUser),
    roles: roles.map((r) => r.role),
  };
}
export type CustomerUserRecord = Awaited<ReturnType<typeof getCustomerUser>>;

/** The consents the user accepted, newest first; withdrawn ones stay, marked by their date. */
export async function customerUserConsents(db: DbClient, actor: Principal, id: number) {
  const user = await userInScope(db, actor, id, "view");
  return db.consentAcceptance.findMany({
    where: { customerUserId: user.id },
    select: { id: true, acceptedAt: true, withdrawnAt: true, consent: { select: { id: true, title: true, mandatory: true } } },
    orderBy: [{ acceptedAt: "desc" }, { id: "desc" }],
  });
}

/**
 * The emails written to the user, newest first: their communication history, for whoever may view the user.
 * What each says stays in the mailbox (its bodies may hold one-time links), behind the mailbox's own permission.
 */
export async function customerUserEmails(db: DbClient, actor: Principal, input: z.output<typeof customerUserEmailsInput>) {
  const user = await userInScope(db, actor, input.id, "view");
  const rows = await db.emailMessage.findMany({
    where: { customerUserId: user.id, ...keysetWhere(newestFirst, input.cursor) },
    select: { id: true, subject: true, template: true, toEmail: true, locale: true, status: true, createdAt: true, sentAt: true },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(rows, input.limit, newestFirst);
}

async function userInScope(db: DbClient, actor: Principal, id: number, action: "view" | "edit") {
  const user = await db.customerUser.findFirst({
    where: { id, ...scopeWhere(actor, `customerUser.${action}`) },
    select: { id: true },
  });
  if (!user) throw notFound("Customer user");
  return user;
}

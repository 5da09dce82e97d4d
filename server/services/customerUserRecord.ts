import type { z } from "zod";
import type { Db, DbClient } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { bumpAuthzEpoch, type CustomerPrincipal, type Principal } from "../authz/access";
import { assertWithinCustomerGrants, exceedingCustomerGrants, grantsOfRoles } from "../authz/grants";
import { customerTarget, reaches } from "../authz/reach";
import { scopeWhere } from "../authz/scope";
import { AppError, notFound, staleVersion } from "../errors";
import { hashPassword } from "../auth/password";
import type {
  customerChoicesInput,
  customerPurposes,
  customerUserEmailsInput,
  createCustomerUserInput,
  updateCustomerUserInput,
} from "../schemas/customerUser";
import { addressFields } from "./addresses";
import { recordAudit } from "./audit/record";
import { ancestorNames, createCustomerNode, lockCustomerPath, visibleParent } from "./customers/paths";
import { assertCustomerKeepsManager, assertEnabledHasRoles, assertNotSelf } from "./invariants";
import { companyTransaction, lockCompanies } from "./customerUsers/companyLock";
import { rolesUsableBy } from "./invitations";
import { sendWelcomeEmail } from "./identity/linkEmails";
import { likeLiteral } from "./kit/filters";
import { keysetWhere, newestFirst, keysetPage } from "./kit/keyset";
import { websiteLocalizations } from "./settings/storefront";

/**
 * A customer user's record: read it whole, create it, edit it. Realm-generic: staff in the back office (bounded by
 * their scope: a sales manager reaches the customers they represent) and, through the same functions, a customer's
 * administrator on the storefront (bounded by their level, the roles their company may use and their own grants).
 * Every refusal leaves the database as it was: each write runs in one transaction with its checks.
 */

type CreateInput = z.output<typeof createCustomerUserInput>;
type UpdateInput = z.output<typeof updateCustomerUserInput>;
type Purpose = (typeof customerPurposes)[number];

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const dayOf = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);
const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;
const unique = (ids: readonly number[]) => [...new Set(ids)];

type AddressFields = Prisma.CustomerUserAddressGetPayload<{ select: typeof addressFields }>;

const recordSelect = {
  id: true,
  email: true,
  namePrefix: true,
  firstName: true,
  middleName: true,
  lastName: true,
  nameSuffix: true,
  birthday: true,
  phone: true,
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

// ------------------------------------------------------------------------------------------- reading

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

// ------------------------------------------------------------------------------------ form choices

/** Websites with their localizations; for staff also the staff users who can be sales representatives. */
export async function customerUserFormOptions(db: DbClient, actor: Principal) {
  const websites = await db.website.findMany({
    select: { id: true, name: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
  const withLocalizations = await Promise.all(websites.map(async (w) => ({ ...w, localizations: await websiteLocalizations(db, w.id) })));
  const staff =
    actor.realm === "staff"
      ? await db.staffUser.findMany({
          where: { enabled: true },
          select: { id: true, firstName: true, lastName: true, email: true },
          orderBy: [{ lastName: "asc" }, { id: "asc" }],
        })
      : [];
  return { websites: withLocalizations, staff };
}

/** A subsidiary lies below the actor's own customer: only a Corporate level reaches it, for both what it takes. */
const purposeOps = {
  view: "customer.listUsers",
  create: "customer.addUser",
  edit: "customer.moveUserTo",
  subsidiary: "customer.addSubsidiary",
} as const;

/** The customers an actor may pick: to add a user to, to move a user to, or as a new subsidiary's parent. */
function customersFor(actor: Principal, purpose: Purpose): Prisma.CustomerWhereInput {
  return scopeWhere(actor, purposeOps[purpose]);
}

/** Up to 20 customers matching `search`, with their ancestry (to tell namesakes apart) and sales representatives. */
export async function customerChoices(db: DbClient, actor: Principal, input: z.output<typeof customerChoicesInput>) {
  const reach = customersFor(actor, input.purpose);
  const rows = await db.customer.findMany({
    where: {
      AND: [
        reach,
        input.id ? { id: input.id } : {},
        input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {},
      ],
    },
    select: { id: true, name: true, path: true, enabled: true, salesRepresentatives: { select: { staffUserId: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
  });
  // Ancestors the actor sees at all (a subsidiary's administrator may not see the parent company).
  const ancestry = await ancestorNames(
    db,
    rows.map((row) => row.path),
    scopeWhere(actor, "customer.view"),
  );
  return rows.map(({ path: _path, salesRepresentatives, ...row }, index) => ({
    ...row,
    ancestry: ancestry[index]!,
    /** The nearest ancestor the actor sees (what a plain select shows next to the name). */
    parentName: ancestry[index]!.at(-1) ?? null,
    salesRepresentativeIds: actor.realm === "staff" ? salesRepresentatives.map((s) => s.staffUserId) : [],
  }));
}

/**
 * The roles a customer's users may hold — the predefined public roles and the customer's own — each saying whether
 * the actor may hand it out (a customer user only within their own grants).
 */
export async function roleChoices(db: DbClient, actor: Principal, customerId: number | null) {
  if (customerId !== null) {
    const reached = await db.customer.count({
      where: { AND: [{ id: customerId }, scopeWhere(actor, "customer.listUsers")] },
    });
    if (!reached) throw notFound("Customer");
  }
  const roles = await db.customerUserRole.findMany({
    where: { OR: [{ customerId: null, public: true }, ...(customerId ? [{ customerId }] : [])] },
    select: { id: true, label: true, customerId: true, permissions: { select: { permission: true, level: true } } },
    orderBy: [{ customerId: { sort: "asc", nulls: "first" } }, { label: "asc" }],
  });
  return roles.map(({ permissions, ...role }) => {
    const excess = actor.realm === "customer" ? exceedingCustomerGrants(actor.grants, permissions) : [];
    return { ...role, predefined: role.customerId === null, assignable: excess.length === 0, exceeds: excess.map((e) => e.label) };
  });
}

// ------------------------------------------------------------------------------------------- rules

export const ownEmailRefusal = "Change your own email address from your profile: the new address is confirmed by a link sent to it.";
const badRequest = (field: string, message: string) => new AppError("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
/** A customer outside the actor's reach is not there for them (NOT_FOUND), with a word for the field. */
const customerNotFound = (field: string, hint: string) =>
  new AppError("NOT_FOUND", "Customer not found.", { fieldErrors: { [field]: [hint] } });

/** May a customer user assign roles to the users of this customer (their level of `customerUserRole.assign`)? */
const mayAssignRolesAt = (actor: CustomerPrincipal, customer: { id: number; path: string; salesRepresentativeIds: number[] }) =>
  reaches(
    actor,
    "customer.assignRoles",
    customerTarget({ id: customer.id, path: customer.path, salesRepIds: customer.salesRepresentativeIds }),
  );

/** A user's addresses as a reach target: owned by the user, of the user's customer. */
const userAddresses = (user: { id: number; customerId: number; customerPath: string; customerSalesRepIds: readonly number[] }) => ({
  customerId: user.customerId,
  customerPath: user.customerPath,
  ownerUserId: user.id,
  salesRepIds: user.customerSalesRepIds,
});

/** The addresses of a user not yet created at this customer: owned by no one yet, so OWN does not reach them. */
const newUserAddresses = (customer: { id: number; path: string; salesRepresentativeIds: readonly number[] }) => ({
  customerId: customer.id,
  customerPath: customer.path,
  ownerUserId: null,
  salesRepIds: customer.salesRepresentativeIds,
});

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
async function customerOfSave(tx: DbClient, actor: Principal, input: CreateInput | UpdateInput, current?: { id: number }) {
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

async function assertEmailFree(tx: DbClient, email: string, userId?: number) {
  const owner = await tx.customerUser.findUnique({ where: { email }, select: { id: true } });
  if (owner && owner.id !== userId) {
    throw new AppError("CONFLICT", "This email is already in use.", { fieldErrors: { email: ["This email is already in use."] } });
  }
}

/** The roles, checked: usable by the customer, and for a customer user within their own grants (the ones added). */
async function checkedRoles(tx: DbClient, actor: Principal, customerId: number, roleIds: number[], held: number[] = []) {
  const roles = await rolesUsableBy(tx, customerId, roleIds);
  if (roles.length !== roleIds.length) throw badRequest("roleIds", "Some chosen roles are not available to this customer.");
  const added = roleIds.filter((id) => !held.includes(id));
  if (actor.realm === "customer" && added.length) {
    assertWithinCustomerGrants(actor.grants, await grantsOfRoles(tx, added), "assign roles");
  }
  return roles;
}

/** Staff users to assist the user; only staff choose them. */
async function checkedSalesReps(tx: DbClient, actor: Principal, ids: number[] | undefined) {
  if (ids === undefined) return undefined;
  if (actor.realm !== "staff") throw new AppError("FORBIDDEN", "Only staff choose sales representatives.");
  const found = await tx.staffUser.count({ where: { id: { in: ids }, enabled: true } });
  if (found !== ids.length) throw badRequest("salesRepresentativeIds", "Choose enabled staff users as sales representatives.");
  return ids;
}

/** The preferred localization to store for the website: asked when it offers several, else its only one. */
async function checkedLocalization(tx: DbClient, websiteId: number | null, localizationId: number | null) {
  if (websiteId === null) return null;
  if (!(await tx.website.count({ where: { id: websiteId } }))) throw badRequest("websiteId", "Choose an existing website.");
  const localizations = await websiteLocalizations(tx, websiteId);
  if (localizations.length <= 1) return localizations[0]?.id ?? null;
  if (localizationId === null) throw badRequest("localizationId", "Choose the preferred localization for this website.");
  if (!localizations.some((l) => l.id === localizationId)) throw badRequest("localizationId", "Choose one of the website's localizations.");
  return localizationId;
}

async function saveLocalization(tx: DbClient, customerUserId: number, websiteId: number | null, localizationId: number | null) {
  if (websiteId === null) return;
  const key = { customerUserId, websiteId };
  await tx.customerUserWebsiteSettings.upsert({
    where: { customerUserId_websiteId: key },
    create: { ...key, localizationId },
    update: { localizationId },
  });
}

const personFields = (input: CreateInput | UpdateInput) => ({
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

const addressData = (address: CreateInput["addresses"][number]): AddressFields => ({
  label: address.label ?? null,
  organization: address.organization ?? null,
  namePrefix: address.namePrefix ?? null,
  firstName: address.firstName ?? null,
  middleName: address.middleName ?? null,
  lastName: address.lastName ?? null,
  nameSuffix: address.nameSuffix ?? null,
  street: address.street,
  street2: address.street2 ?? null,
  city: address.city,
  postalCode: address.postalCode,
  region: address.region ?? null,
  countryCode: address.countryCode,
  phone: address.phone ?? null,
  isPrimary: address.isPrimary,
  isBilling: address.isBilling,
  isShipping: address.isShipping,
  isDefaultBilling: address.isDefaultBilling,
  isDefaultShipping: address.isDefaultShipping,
});

const sameAddress = (a: AddressFields, b: AddressFields) =>
  (Object.keys(addressFields) as (keyof AddressFields)[]).every((key) => a[key] === b[key]);

/** Audit-friendly snapshot of what the form edits. */
function snapshot(fields: ReturnType<typeof personFields>, extra: Record<string, Prisma.InputJsonValue | null>) {
  return { ...fields, birthday: isoDay(fields.birthday), ...extra } as Prisma.InputJsonObject;
}

// ------------------------------------------------------------------------------------------- writes

/**
 * Creates a customer user, in the actor's reach, with roles the customer may use (and, for a customer user, within
 * their grants). Created users are confirmed: whoever creates one vouches for the address. The welcome email never
 * carries a password; with Generate Password it links to choosing one.
 */
export async function createCustomerUser(db: Db, actor: Principal, input: CreateInput) {
  const roleIds = unique(input.roleIds);
  assertEnabledHasRoles(input.enabled, roleIds);
  if (input.sendWelcomeEmail && !input.enabled) {
    throw badRequest("sendWelcomeEmail", "A disabled user cannot sign in: enable the user, or send the welcome email once they are.");
  }
  // Outside the transaction: hashing takes a while and needs nothing from the database.
  const passwordHash = input.generatePassword || !input.password ? null : await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const customer = await customerOfSave(tx, actor, input);
    if (actor.realm === "customer" && roleIds.length && !mayAssignRolesAt(actor, customer)) {
      throw new AppError("FORBIDDEN", "Your roles do not let you assign roles to this customer's users.");
    }
    const roles = await checkedRoles(tx, actor, customer.id, roleIds);
    const salesReps =
      (await checkedSalesReps(tx, actor, input.salesRepresentativeIds && unique(input.salesRepresentativeIds))) ??
      customer.salesRepresentativeIds;
    const localizationId = await checkedLocalization(tx, input.websiteId, input.localizationId);
    if (actor.realm === "customer" && input.addresses.length && !reaches(actor, "customerUserAddress.create", newUserAddresses(customer))) {
      throw new AppError("FORBIDDEN", "Your roles do not let you add addresses for this customer's users.");
    }
    const fields = personFields(input);
    const user = await tx.customerUser.create({
      data: {
        ...fields,
        confirmedAt: new Date(),
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
        customerId: customer.id,
        customerPath: customer.path,
        websiteId: input.websiteId,
        ownerId: actor.realm === "staff" ? actor.id : customer.ownerId,
        roles: { createMany: { data: roles.map((role) => ({ roleId: role.id })) } },
        salesRepresentatives: { createMany: { data: salesReps.map((staffUserId) => ({ staffUserId })) } },
        addresses: { createMany: { data: input.addresses.map(addressData) } },
      },
      select: { id: true, email: true, firstName: true, lastName: true, websiteId: true },
    });
    await saveLocalization(tx, user.id, input.websiteId, localizationId);
    if (roles.length) await bumpAuthzEpoch(tx);
    if (input.sendWelcomeEmail) await sendWelcomeEmail(tx, user, { setPassword: !passwordHash });
    await recordAudit(tx, actor, {
      action: "customerUser.create",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: customer.path,
      after: snapshot(fields, {
        customer: customer.name,
        roles: roles.map((r) => r.label),
        salesRepresentativeIds: salesReps,
        websiteId: input.websiteId,
        localizationId,
        addresses: input.addresses.length,
        password: passwordHash ? "set" : "none",
        welcomeEmail: input.sendWelcomeEmail,
      }),
    });
    return { id: user.id };
  });
}

/**
 * Saves an edit made against `version`; a newer change in between is refused (CONFLICT), and nothing is written.
 * Never changes whether the user is confirmed. Disabling ends the user's sessions; role changes apply on the next
 * request (authz epoch); a new customer rewrites the user's customer path.
 */
export async function updateCustomerUser(db: Db, actor: Principal, input: UpdateInput) {
  const roleIds = unique(input.roleIds);
  assertEnabledHasRoles(input.enabled, roleIds);
  return companyTransaction(db, async (tx) => {
    // Any edit may disable the user, change their roles or move them: the company's rules are counted under its lock.
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    const before = await tx.customerUser.findFirst({
      where: { id: input.id, ...scopeWhere(actor, "customerUser.edit") },
      select: {
        id: true,
        version: true,
        erasedAt: true,
        customerId: true,
        customerPath: true,
        customerSalesRepIds: true,
        websiteId: true,
        enabled: true,
        email: true,
        namePrefix: true,
        firstName: true,
        middleName: true,
        lastName: true,
        nameSuffix: true,
        birthday: true,
        phone: true,
        roles: { select: { roleId: true } },
        salesRepresentatives: { select: { staffUserId: true } },
        addresses: { select: { id: true, ...addressFields } },
        websiteSettings: { select: { websiteId: true, localizationId: true } },
      },
    });
    if (!before) throw notFound("Customer user");
    if (before.version !== input.version) throw staleVersion();
    if (before.erasedAt) throw new AppError("BAD_REQUEST", "This user's personal data was erased; the record can no longer be edited.");
    const heldRoleIds = before.roles.map((r) => r.roleId);

    if (actor.realm === "customer") {
      // Nobody takes over an account stronger than their own (by changing its email, say).
      assertWithinCustomerGrants(actor.grants, await grantsOfRoles(tx, heldRoleIds), "edit a user");
      if (before.enabled && !input.enabled) assertNotSelf(actor, before.id, "disable");
      // One's own address changes only through the verified flow (profile.changeEmail), which proves the new one is
      // theirs; a staff member signed in as the user is the user here and is refused the same way.
      if (actor.id === before.id && input.email !== before.email) throw badRequest("email", ownEmailRefusal);
      if (actor.id === before.id && (input.newCustomer || input.customerId !== before.customerId)) {
        throw badRequest("customerId", "You cannot move yourself to another customer.");
      }
    }
    await assertEmailFree(tx, input.email, before.id);
    const customer = await customerOfSave(tx, actor, input, { id: before.customerId });
    const customerChanged = customer.id !== before.customerId;
    const rolesChanged = !sameSet(roleIds, heldRoleIds);
    if (actor.realm === "customer" && rolesChanged && !mayAssignRolesAt(actor, customer)) {
      throw new AppError("FORBIDDEN", "Your roles do not let you assign roles to this customer's users.");
    }
    const roles = await checkedRoles(tx, actor, customer.id, roleIds, heldRoleIds);
    if (before.enabled && (!input.enabled || customerChanged || rolesChanged)) {
      await assertCustomerKeepsManager(tx, lock, before, input.enabled && !customerChanged ? roleIds : []);
    }
    const heldReps = before.salesRepresentatives.map((s) => s.staffUserId);
    const salesReps = (await checkedSalesReps(tx, actor, input.salesRepresentativeIds && unique(input.salesRepresentativeIds))) ?? heldReps;
    const beforeLocalization = before.websiteSettings.find((s) => s.websiteId === before.websiteId)?.localizationId ?? null;
    const localizationId = await checkedLocalization(tx, input.websiteId, input.localizationId);

    const fields = personFields(input);
    const written = await tx.customerUser.updateMany({
      where: { id: before.id, version: input.version },
      data: {
        ...fields,
        customerId: customer.id,
        customerPath: customer.path,
        websiteId: input.websiteId,
        version: { increment: 1 },
        ...(before.enabled && !input.enabled ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    // The version in the WHERE makes check and write one step: a concurrent save cannot slip in between. It comes
    // before the user's roles, addresses and the rest are written, so a save that lost the race stops here.
    if (written.count !== 1) throw staleVersion();
    const addressChanges = input.addresses ? await saveAddresses(tx, actor, before, input.addresses) : null;
    if (rolesChanged) {
      await tx.customerUserRoleAssignment.deleteMany({ where: { customerUserId: before.id, roleId: { notIn: roleIds } } });
      await tx.customerUserRoleAssignment.createMany({
        data: roleIds.filter((id) => !heldRoleIds.includes(id)).map((roleId) => ({ customerUserId: before.id, roleId })),
      });
      await bumpAuthzEpoch(tx);
    }
    if (!sameSet(salesReps, heldReps)) {
      await tx.customerUserSalesRep.deleteMany({ where: { customerUserId: before.id } });
      await tx.customerUserSalesRep.createMany({ data: salesReps.map((staffUserId) => ({ customerUserId: before.id, staffUserId })) });
    }
    await saveLocalization(tx, before.id, input.websiteId, localizationId);

    const beforeFields = {
      enabled: before.enabled,
      namePrefix: before.namePrefix,
      firstName: before.firstName,
      middleName: before.middleName,
      lastName: before.lastName,
      nameSuffix: before.nameSuffix,
      email: before.email,
      birthday: before.birthday,
      phone: before.phone,
    };
    await recordAudit(tx, actor, {
      action: "customerUser.update",
      entityType: "CustomerUser",
      entityId: before.id,
      customerPath: customer.path,
      before: snapshot(beforeFields, {
        customerId: before.customerId,
        roleIds: heldRoleIds,
        salesRepresentativeIds: heldReps,
        websiteId: before.websiteId,
        localizationId: beforeLocalization,
      }),
      after: snapshot(fields, {
        customerId: customer.id,
        roleIds: roles.map((r) => r.id),
        salesRepresentativeIds: salesReps,
        websiteId: input.websiteId,
        localizationId,
        addresses: addressChanges,
      }),
    });
    return { id: before.id, version: input.version + 1 };
  });
}

/**
 * The address book as the form sent it: addresses with an id are updated (when changed), new ones created, and
 * those left out deleted. A customer user needs the address permission reaching the user for each kind of change.
 */
async function saveAddresses(
  tx: DbClient,
  actor: Principal,
  user: {
    id: number;
    customerId: number;
    customerPath: string;
    customerSalesRepIds: number[];
    addresses: (AddressFields & { id: number })[];
  },
  addresses: NonNullable<UpdateInput["addresses"]>,
) {
  const existing = new Map(user.addresses.map((a) => [a.id, a]));
  const kept = new Set<number>();
  const changes = { create: [] as AddressFields[], update: [] as { id: number; data: AddressFields }[] };
  for (const address of addresses) {
    const data = addressData(address);
    if (address.id === undefined) {
      changes.create.push(data);
      continue;
    }
    const current = existing.get(address.id);
    if (!current) throw badRequest("addresses", "One of the addresses no longer exists. Reload the page.");
    kept.add(address.id);
    if (!sameAddress(current, data)) changes.update.push({ id: address.id, data });
  }
  const deleted = user.addresses.filter((a) => !kept.has(a.id)).map((a) => a.id);
  if (actor.realm === "customer") {
    const need: [boolean, "create" | "edit" | "delete", string][] = [
      [changes.create.length > 0, "create", "add"],
      [changes.update.length > 0, "edit", "edit"],
      [deleted.length > 0, "delete", "delete"],
    ];
    for (const [needed, action, verb] of need) {
      if (needed && !reaches(actor, `customerUserAddress.${action}`, userAddresses(user)))
        throw new AppError("FORBIDDEN", `Your roles do not let you ${verb} this user's addresses.`);
    }
  }
  if (deleted.length) await tx.customerUserAddress.deleteMany({ where: { customerUserId: user.id, id: { in: deleted } } });
  for (const { id, data } of changes.update) await tx.customerUserAddress.update({ where: { id }, data });
  if (changes.create.length)
    await tx.customerUserAddress.createMany({ data: changes.create.map((data) => ({ ...data, customerUserId: user.id })) });
  return { added: changes.create.length, changed: changes.update.map((u) => u.id), deleted };
}

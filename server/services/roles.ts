import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Db, DbClient } from "../db";
import { bumpAuthzEpoch, type CustomerPrincipal, type Principal } from "../authz/access";
import { assertUsersHoldNoMore, assertWithinCustomerGrants, exceedingCustomerGrants } from "../authz/grants";
import { levelRank, type Level } from "../authz/permissions";
import { reaches as reachesFor } from "../authz/reach";
import { scopeWhere, type RoleAction } from "../authz/scope";
import { AppError, notFound, staleVersion } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type {
  cloneRoleInput,
  createCompanyRoleInput,
  createRoleInput,
  listRolesInput,
  roleCandidatesInput,
  roleUserIdsInput,
  roleUsersInput,
  RolePermissionRow,
  updateCompanyRoleInput,
} from "../schemas/role";
import { recordAudit } from "./audit/record";
import { visibleParents } from "./customers/paths";
import { guardCustomerManagers, assertRoleDeletable, assertUsersKeepARole } from "./invariants";
import { companyTransaction, isLocked, lockCompanies, type CompanyLock } from "./customerUsers/companyLock";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort } from "./kit/keyset";
import { likeLiteral } from "./kit/filters";

/**
 * Customer user roles, for staff and for customer administrators alike (`actor` decides what is reached).
 *
 * Bounding. A customer administrator may build, change, copy or assign a role only within their own effective
 * levels. Staff have no customer-realm levels of their own: what bounds them is their staff grants — the
 * `customerUserRole.*` permission of the operation, `customer.view` for the customer a role is built for, and
 * `customerUser.edit` (with its scope) for the users they give a role to. A customer role cannot reach beyond its
 * own company's subtree or into the back office, so any level in it is within what such a staff member may hand
 * out; a staff member limited to the customers they represent can only give roles to those customers' users.
 *
 * Every change bumps the authorization epoch in its transaction, so holders get the new grants on their next
 * request, and is recorded in the audit log.
 */

/** The staff form's input; the storefront's lacks the flags (and, for edits, the customer). */
type Flags = Partial<Pick<z.output<typeof createRoleInput>, "customerId" | "selfManaged" | "public">>;
type CreateRole = Omit<z.output<typeof createCompanyRoleInput>, "customerId"> & Flags;
type UpdateRole = z.output<typeof updateCompanyRoleInput> & Flags;

const roleSummarySelect = {
  id: true,
  code: true,
  label: true,
  customerId: true,
  selfManaged: true,
  public: true,
  createdAt: true,
  // The path and representatives say whether the actor reaches the role's customer (roleAbilities).
  customer: { select: { id: true, name: true, path: true, salesRepresentatives: { select: { staffUserId: true } } } },
  sourceRole: { select: { id: true, label: true } },
} as const satisfies Prisma.CustomerUserRoleSelect;

const roleDetailSelect = {
  ...roleSummarySelect,
  version: true,
  updatedAt: true,
  permissions: { select: { permission: true, level: true }, orderBy: { permission: "asc" } },
} as const satisfies Prisma.CustomerUserRoleSelect;

type RoleRow = Prisma.CustomerUserRoleGetPayload<{ select: typeof roleDetailSelect }>;

/** The role if `action` reaches it for this actor, else NOT_FOUND. */
async function roleFor(db: DbClient, actor: Principal, id: number, action: RoleAction): Promise<RoleRow> {
  const role = await db.customerUserRole.findFirst({
    where: { AND: [{ id }, scopeWhere(actor, `customerUserRole.${action}`)] },
    select: roleDetailSelect,
  });
  if (!role) throw notFound("Role");
  return role;
}

/** A company's own role that is not self-managed is the store's to change; its administrators only see it. */
function assertSelfManaged(actor: Principal, role: RoleRow) {
  if (actor.realm === "customer" && role.customerId !== null && !role.selfManaged) {
    throw new AppError("BAD_REQUEST", `"${role.label}" is managed by the store's staff; ask them to change it.`);
  }
}

/** The users whose roles count in lists: the ones the actor sees. */
const holderScope = (actor: Principal) => scopeWhere(actor, "customerUser.view");

/** Only rows that grant something are stored. */
function grantedRows(rows: readonly RolePermissionRow[]): RolePermissionRow[] {
  return rows.filter((row) => row.level !== "NONE");
}

function assertBounded(actor: Principal, rows: readonly RolePermissionRow[], what: string) {
  if (actor.realm === "customer") assertWithinCustomerGrants(actor.grants, rows, what, "permissions");
}

/** The level at which a role lets its holders manage users (`customerUser.edit`), as a rank. */
function manageRank(rows: readonly RolePermissionRow[]) {
  const level = rows.find((row) => row.permission === "customerUser.edit")?.level ?? "NONE";
  return levelRank("customerUser.edit", level);
}

/** Stable machine name for a new role: ROLE_FRONTEND_<LABEL>_<6 hex>. */
function newRoleCode(label: string) {
  const slug =
    label
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "ROLE";
  return `ROLE_FRONTEND_${slug}_${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * Labels are unique per customer (and among predefined roles), ignoring case. The lock serializes two requests
 * claiming the same label at once; for company roles the unique index holds it too.
 */
async function assertLabelFree(tx: DbClient, customerId: number | null, label: string, exceptId?: number) {
  await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext(${`role-label:${customerId ?? "predefined"}:${label.toLowerCase()}`}))) AS l`;
  const taken = await tx.customerUserRole.findFirst({
    where: { customerId, label: { equals: label, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = customerId === null ? "A predefined role has this label already." : "This customer has a role with this label already.";
    throw new AppError("CONFLICT", message, { fieldErrors: { label: [message] } });
  }
}

/**
 * The customer a role is built for: staff choose among the customers they can see (null: predefined); a customer
 * administrator among the ones their level of `customerUserRole.<action>` reaches.
 */
async function ownerFor(tx: DbClient, actor: Principal, customerId: number | null, action: "create" | "edit") {
  if (customerId === null) {
    if (actor.realm === "staff") return null;
    throw new AppError("BAD_REQUEST", "Only the store's staff create predefined roles.", {
      fieldErrors: { customerId: ["Choose your company."] },
    });
  }
  const reach = scopeWhere(actor, `customer.${action}Role`);
  const customer = await tx.customer.findFirst({
    where: { AND: [{ id: customerId }, reach] },
    select: { id: true, name: true, path: true },
  });
  if (!customer) {
    const message = actor.realm === "staff" ? "Choose a customer you can see." : "Choose your company or one of its subsidiaries.";
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { customerId: [message] } });
  }
  return customer;
}

/** Roles a customer administrator makes are always theirs to manage (and, like every company role, public). */
const companyFlags = { selfManaged: true, public: true } as const;

/** Inserts a role with its grant rows and a new code; nobody holds it yet. */
async function insertRole(
  tx: DbClient,
  role: { label: string; customerId: number | null; selfManaged: boolean; public: boolean; sourceRoleId?: number },
  permissions: readonly RolePermissionRow[],
) {
  return tx.customerUserRole.create({
    data: {
      ...role,
      code: newRoleCode(role.label),
      permissions: { createMany: { data: permissions.map(({ permission, level }) => ({ permission, level })) } },
    },
    select: { id: true, version: true, label: true, customerId: true, selfManaged: true, public: true },
  });
}

function snapshot(
  role: { label: string; customerId: number | null; selfManaged: boolean; public: boolean },
  permissions: readonly RolePermissionRow[],
) {
  return {
    label: role.label,
    customerId: role.customerId,
    selfManaged: role.selfManaged,
    public: role.public,
    permissions: Object.fromEntries(permissions.map((row) => [row.permission, row.level])),
  };
}

// ----------------------------------------------------------------------------------------------- reading

/** What the actor may do with a role, for the pages (the services check again). */
export function roleAbilities(
  actor: Principal,
  role: {
    customerId: number | null;
    selfManaged: boolean;
    customer: { path: string; salesRepresentatives: readonly { staffUserId: number }[] } | null;
    permissions?: readonly { permission: string; level: Level }[];
  },
) {
  if (actor.realm === "staff") {
    const has = (action: "create" | "edit" | "delete") => actor.grants.has(`customerUserRole.${action}`);
    return { edit: has("edit"), delete: has("delete"), clone: has("create"), assign: has("edit") };
  }
  const level = (action: RoleAction) => actor.grants.get(`customerUserRole.${action}`) ?? "NONE";
  const held = (action: RoleAction) => level(action) !== "NONE";
  const target = role.customer && {
    customerId: role.customerId,
    customerPath: role.customer.path,
    ownerUserId: null,
    salesRepIds: role.customer.salesRepresentatives.map((rep) => rep.staffUserId),
  };
  const reaches = (action: RoleAction) => target !== null && reachesFor(actor, `customerUserRole.${action}`, target);
  if (role.customerId === null) {
    // Editing a predefined role makes a company copy: it takes Edit and Create.
    return { edit: held("edit") && held("create"), delete: held("delete"), clone: held("create"), assign: held("assign") };
  }
  const own = (action: RoleAction) => role.selfManaged && reaches(action);
  // A role granting more than the actor holds is not theirs to change, delete or hand out (the services say which levels).
  const within = !role.permissions || exceedingCustomerGrants(actor.grants, role.permissions).length === 0;
  return { edit: own("edit") && within, delete: own("delete") && within, clone: held("create") && within, assign: own("assign") && within };
}

export async function listRoles(db: DbClient, actor: Principal, input: z.output<typeof listRolesInput>) {
  const sort: KeysetSort = { field: input.sort, dir: input.dir, type: input.sort === "label" ? "string" : "date" };
  const where: Prisma.CustomerUserRoleWhereInput = {
    AND: [
      scopeWhere(actor, "customerUserRole.view"),
      input.label ? { label: { contains: likeLiteral(input.label), mode: "insensitive" } } : {},
      input.customer ? { customer: { name: { contains: likeLiteral(input.customer), mode: "insensitive" } } } : {},
      input.owner === "predefined" ? { customerId: null } : input.owner === "customer" ? { customerId: { not: null } } : {},
      input.selfManaged === undefined ? {} : { selfManaged: input.selfManaged },
      input.public === undefined ? {} : { public: input.public },
    ],
  };
  const [rows, count] = await Promise.all([
    db.customerUserRole.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      orderBy: keysetOrderBy(sort) as Prisma.CustomerUserRoleOrderByWithRelationInput[],
      take: input.limit + 1,
      select: { ...roleSummarySelect, _count: { select: { assignments: { where: { customerUser: holderScope(actor) } } } } },
    }),
    cappedCount((take) => db.customerUserRole.count({ where, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[input.sort]);
  return {
    ...page,
    items: page.items.map(({ _count, customer, ...row }) => ({
      ...row,
      customer: customer && { id: customer.id, name: customer.name },
      users: _count.assignments,
      can: roleAbilities(actor, { ...row, customer }),
    })),
    count,
  };
}

/** One role with its grants, how many of the users the actor sees hold it, and what the actor may do with it. */
export async function getRole(db: DbClient, actor: Principal, id: number) {
  const role = await roleFor(db, actor, id, "view");
  // A storefront edit of a predefined role moves the administrator's own company's holders to the copy.
  const movesOnEdit = actor.realm === "customer" && role.customerId === null;
  const [users, companyUsers, defaultFor] = await Promise.all([
    db.customerUserRoleAssignment.count({ where: { roleId: role.id, customerUser: holderScope(actor) } }),
    movesOnEdit
      ? db.customerUserRoleAssignment.count({ where: { roleId: role.id, customerUser: { customerId: actor.customerId } } })
      : null,
    db.websiteSettings.findMany({ where: { defaultRoleId: role.id }, select: { website: { select: { name: true } } } }),
  ]);
  const { customer, ...rest } = role;
  return {
    ...rest,
    customer: customer && { id: customer.id, name: customer.name },
    users,
    /** Storefront, predefined role: how many of the administrator's company's users an edit moves to the copy. */
    companyUsers,
    defaultFor: defaultFor.map((row) => row.website.name),
    can: roleAbilities(actor, role),
  };
}

const userListSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  customer: { select: { id: true, name: true } },
} as const;

/** The holders of a role the actor sees, by last name. */
export async function listRoleUsers(db: DbClient, actor: Principal, input: z.output<typeof roleUsersInput>) {
  const role = await roleFor(db, actor, input.roleId, "view");
  const sort: KeysetSort = { field: "lastName", dir: "asc", type: "string" };
  const where: Prisma.CustomerUserWhereInput = {
    AND: [holderScope(actor), { roles: { some: { roleId: role.id } } }, searchWhere(input.search)],
  };
  const [rows, count] = await Promise.all([
    db.customerUser.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      orderBy: keysetOrderBy(sort) as Prisma.CustomerUserOrderByWithRelationInput[],
      take: input.limit + 1,
      select: userListSelect,
    }),
    cappedCount((take) => db.customerUser.count({ where, take })),
  ]);
  return { ...keysetPage(rows, input.limit, sort, (row) => row.lastName), count };
}

function searchWhere(search: string | undefined): Prisma.CustomerUserWhereInput {
  if (!search) return {};
  return {
    OR: [
      { email: { contains: likeLiteral(search.toLowerCase()) } },
      { firstName: { contains: likeLiteral(search), mode: "insensitive" } },
      { lastName: { contains: likeLiteral(search), mode: "insensitive" } },
    ],
  };
}

/**
 * Users the actor may give this role: within their reach for assigning (staff: `customerUser.edit`'s scope; a
 * customer administrator: their `customerUserRole.assign` level), and of a customer that may hold the role (its
 * own customer's users; anyone's for a predefined role).
 */
function assignableWhere(actor: Principal, role: RoleRow): Prisma.CustomerUserWhereInput {
  return {
    AND: [
      scopeWhere(actor, "customerUser.assignRole"),
      role.customerId === null ? {} : { customerId: role.customerId },
      { erasedAt: null },
    ],
  };
}

/** Up to 20 users who could be given the role and do not hold it yet. */
export async function listRoleCandidates(db: DbClient, actor: Principal, input: z.output<typeof roleCandidatesInput>) {
  const role = await roleFor(db, actor, input.roleId, "assign");
  return db.customerUser.findMany({
    where: { AND: [assignableWhere(actor, role), { roles: { none: { roleId: role.id } } }, searchWhere(input.search)] },
    select: userListSelect,
    orderBy: [{ lastName: "asc" }, { id: "asc" }],
    take: 20,
  });
}

/** Customers a role may be built for, by name (a picker's options). */
export async function listRoleCustomerOptions(db: DbClient, actor: Principal, input: { search?: string }) {
  const reach = scopeWhere(actor, "customer.createRole");
  const rows = await db.customer.findMany({
    where: { AND: [reach, input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {}] },
    select: { id: true, name: true, parent: { select: { id: true, name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
  });
  return visibleParents(db, rows, scopeWhere(actor, "customer.view"));
}

// ---------------------------------------------------------------------------------------------- changing

/** A new role. A customer administrator's roles are always self-managed and bounded by their own levels. */
export async function createRole(db: Db, actor: Principal, input: CreateRole) {
  return db.$transaction(async (tx) => {
    const customerId = input.customerId === undefined ? (actor.realm === "customer" ? actor.customerId : null) : input.customerId;
    const customer = await ownerFor(tx, actor, customerId, "create");
    const permissions = grantedRows(input.permissions);
    assertBounded(actor, permissions, "create a role");
    await assertLabelFree(tx, customer?.id ?? null, input.label);
    const flags = actor.realm === "customer" ? companyFlags : { selfManaged: input.selfManaged ?? false, public: input.public ?? true };
    const role = await insertRole(tx, { label: input.label, customerId: customer?.id ?? null, ...flags }, permissions);
    await bumpAuthzEpoch(tx);
    await recordAudit(tx, actor, {
      action: "customerUserRole.create",
      entityType: "CustomerUserRole",
      entityId: role.id,
      customerPath: customer?.path ?? null,
      after: snapshot(role, permissions),
    });
    return { id: role.id, version: role.version };
  });
}

export type RoleSaved = { id: number; version: number; copiedFrom: { id: number; label: string } | null; movedUsers: number };

/**
 * Changes a role's label, flags, customer (staff, while nobody holds it) and grants, against the version the editor
 * loaded. A customer administrator editing a predefined role gets a company copy instead (see below).
 */
export async function updateRole(db: Db, actor: Principal, input: UpdateRole): Promise<RoleSaved> {
  return companyTransaction(db, async (tx) => {
    const role = await roleFor(tx, actor, input.id, "edit");
    if (actor.realm === "customer" && role.customerId === null) return copyPredefinedRole(tx, actor, role, input);
    // A role granting more than the actor holds is not theirs to change: lowering it takes power from its holders.
    assertBounded(actor, role.permissions, `change "${role.label}"`);
    assertSelfManaged(actor, role);
    if (role.version !== input.version) throw staleVersion();

    let customer: { id: number; name: string; path: string } | null = role.customer;
    const customerId = actor.realm === "staff" && input.customerId !== undefined ? input.customerId : role.customerId;
    if (customerId !== role.customerId) {
      if (await tx.customerUserRoleAssignment.count({ where: { roleId: role.id } })) {
        const message = "Users hold this role: remove them from it before moving it to another customer.";
        throw new AppError("BAD_REQUEST", message, { fieldErrors: { customerId: [message] } });
      }
      customer = await ownerFor(tx, actor, customerId, "edit");
    }
    const permissions = grantedRows(input.permissions);
    assertBounded(actor, permissions, "give a role");
    await assertLabelFree(tx, customerId, input.label, role.id);

    // Lowering who may manage users can leave a company without a manager: check the holders' companies. Only the
    // role's own customer's users may hold a company role; anyone may hold a predefined one.
    let guard = null;
    if (manageRank(permissions) < manageRank(role.permissions)) {
      const lock = await lockCompanies(tx, role.customerId === null ? { everyTree: true } : { customerIds: [role.customerId] });
      guard = await guardCustomerManagers(tx, lock, await holderCustomers(tx, lock, role.id));
    }
    const flags =
      actor.realm === "staff"
        ? { selfManaged: input.selfManaged ?? role.selfManaged, public: input.public ?? role.public }
        : { selfManaged: role.selfManaged, public: role.public };
    const updated = await tx.customerUserRole.updateMany({
      where: { id: role.id, version: input.version },
      data: { label: input.label, customerId, ...flags, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw staleVersion();
    await tx.rolePermission.deleteMany({ where: { roleId: role.id } });
    await tx.rolePermission.createMany({ data: permissions.map((row) => ({ roleId: role.id, ...row })) });
    await guard?.assertKept();
    await bumpAuthzEpoch(tx);
    await recordAudit(tx, actor, {
      action: "customerUserRole.update",
      entityType: "CustomerUserRole",
      entityId: role.id,
      customerPath: customer?.path ?? null,
      before: snapshot(role, role.permissions),
      after: snapshot({ label: input.label, customerId, ...flags }, permissions),
    });
    return { id: role.id, version: role.version + 1, copiedFrom: null, movedUsers: 0 };
  });
}

/** Customers of the role's enabled holders, in the trees locked (a tree made since had no manager to lose). */
async function holderCustomers(tx: DbClient, lock: CompanyLock, roleId: number) {
  const rows = await tx.customerUser.findMany({
    where: { enabled: true, roles: { some: { roleId } } },
    select: { customerId: true, customerPath: true },
    distinct: ["customerId"],
  });
  return rows.filter((row) => isLocked(lock, row.customerPath)).map((row) => row.customerId);
}

/**
 * A customer administrator "editing" a predefined role: the edit becomes a role of their own company (its
 * `sourceRoleId` the original) and the company's users move from the original to the copy, in one transaction.
 * The original stays as it is for every other customer.
 */
async function copyPredefinedRole(tx: DbClient, actor: CustomerPrincipal, original: RoleRow, input: UpdateRole): Promise<RoleSaved> {
  if ((actor.grants.get("customerUserRole.create") ?? "NONE") === "NONE") {
    throw new AppError(
      "FORBIDDEN",
      `"${original.label}" is predefined: editing it makes a copy for your company, which needs the permission "Create customer user role".`,
    );
  }
  if (original.version !== input.version) throw staleVersion();
  const lock = await lockCompanies(tx, { customerIds: [actor.customerId] });
  const permissions = grantedRows(input.permissions);
  assertBounded(actor, permissions, "give a role");
  await assertLabelFree(tx, actor.customerId, input.label);
  const moving = (
    await tx.customerUserRoleAssignment.findMany({
      where: { roleId: original.id, customerUser: { customerId: actor.customerId } },
      select: { customerUserId: true },
    })
  ).map((row) => row.customerUserId);
  // Moving the holders to a copy that grants less takes power from them: only within the actor's own grants.
  if (moving.length) assertBounded(actor, original.permissions, `move your company's users off "${original.label}"`);
  const guard =
    moving.length && manageRank(permissions) < manageRank(original.permissions)
      ? await guardCustomerManagers(tx, lock, [actor.customerId])
      : null;
  const copy = await insertRole(
    tx,
    { label: input.label, customerId: actor.customerId, ...companyFlags, sourceRoleId: original.id },
    permissions,
  );
  if (moving.length) {
    await tx.customerUserRoleAssignment.createMany({ data: moving.map((customerUserId) => ({ customerUserId, roleId: copy.id })) });
    await tx.customerUserRoleAssignment.deleteMany({ where: { roleId: original.id, customerUserId: { in: moving } } });
  }
  await guard?.assertKept();
  await bumpAuthzEpoch(tx);
  await recordAudit(tx, actor, {
    action: "customerUserRole.copy",
    entityType: "CustomerUserRole",
    entityId: copy.id,
    customerPath: actor.customerPath,
    before: { sourceRoleId: original.id, sourceLabel: original.label },
    after: { ...snapshot(copy, permissions), movedUserIds: moving },
  });
  return { id: copy.id, version: copy.version, copiedFrom: { id: original.id, label: original.label }, movedUsers: moving.length };
}

/** A new role with another role's grants and flags, for the same or another customer; nobody holds it yet. */
export async function cloneRole(db: Db, actor: Principal, input: z.output<typeof cloneRoleInput>) {
  return db.$transaction(async (tx) => {
    const source = await roleFor(tx, actor, input.id, "view");
    const customerId =
      actor.realm === "customer"
        ? (input.customerId ?? actor.customerId)
        : input.customerId === undefined
          ? source.customerId
          : input.customerId;
    const customer = await ownerFor(tx, actor, customerId, "create");
    assertBounded(actor, source.permissions, "copy a role");
    await assertLabelFree(tx, customer?.id ?? null, input.label);
    const flags = actor.realm === "customer" ? companyFlags : { selfManaged: source.selfManaged, public: source.public };
    const clone = await insertRole(
      tx,
      { label: input.label, customerId: customer?.id ?? null, ...flags, sourceRoleId: source.id },
      source.permissions,
    );
    await bumpAuthzEpoch(tx);
    await recordAudit(tx, actor, {
      action: "customerUserRole.clone",
      entityType: "CustomerUserRole",
      entityId: clone.id,
      customerPath: customer?.path ?? null,
      before: { sourceRoleId: source.id, sourceLabel: source.label },
      after: snapshot(clone, source.permissions),
    });
    return { id: clone.id, version: clone.version };
  });
}

/** Deletes a role nobody holds that is neither predefined nor a website's default role (each refusal says which). */
export async function deleteRole(db: Db, actor: Principal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const role = await roleFor(tx, actor, input.id, "delete");
    assertSelfManaged(actor, role);
    assertBounded(actor, role.permissions, `delete "${role.label}"`);
    await assertRoleDeletable(tx, role.id);
    await tx.customerUserRole.delete({ where: { id: role.id } });
    await bumpAuthzEpoch(tx);
    await recordAudit(tx, actor, {
      action: "customerUserRole.delete",
      entityType: "CustomerUserRole",
      entityId: role.id,
      customerPath: role.customer?.path ?? null,
      before: snapshot(role, role.permissions),
    });
    return { id: role.id };
  });
}

async function assignable(tx: DbClient, actor: Principal, role: RoleRow, userIds: number[], holding: boolean) {
  const ids = [...new Set(userIds)];
  const users = await tx.customerUser.findMany({
    where: { AND: [{ id: { in: ids } }, assignableWhere(actor, role), holding ? { roles: { some: { roleId: role.id } } } : {}] },
    select: { id: true, firstName: true, lastName: true, customerId: true, customerPath: true },
  });
  if (users.length !== ids.length) throw notFound("Customer user");
  return users;
}

/** One audit event per user, so each user's history shows the roles they were given and lost. */
async function auditAssignments(
  tx: DbClient,
  actor: Principal,
  role: RoleRow,
  users: { id: number; customerPath: string }[],
  change: "assign" | "unassign",
) {
  const value = { roleId: role.id, role: role.label };
  for (const user of users) {
    await recordAudit(tx, actor, {
      action: `customerUserRole.${change}`,
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      ...(change === "assign" ? { after: value } : { before: value }),
    });
  }
}

/**
 * Gives the role to users (those who hold it already are left as they are). Only the rows this call inserted are
 * reported and audited: a call running at the same time with the same users adds each of them once between them.
 */
export async function addRoleUsers(db: Db, actor: Principal, input: z.output<typeof roleUserIdsInput>) {
  return db.$transaction(async (tx) => {
    const role = await roleFor(tx, actor, input.roleId, "assign");
    assertSelfManaged(actor, role);
    assertBounded(actor, role.permissions, "assign a role");
    const users = await assignable(tx, actor, role, input.userIds, false);
    // INSERT ... ON CONFLICT DO NOTHING RETURNING: a row another call inserted first (even uncommitted: the insert
    // waits for it) is not returned.
    await assertUsersHoldNoMore(
      tx,
      actor,
      users.map((user) => user.id),
      "give a role to a user",
    );
    const inserted = await tx.customerUserRoleAssignment.createManyAndReturn({
      data: users.map((user) => ({ customerUserId: user.id, roleId: role.id })),
      skipDuplicates: true,
      select: { customerUserId: true },
    });
    const added = new Set(inserted.map((row) => row.customerUserId));
    if (added.size) await bumpAuthzEpoch(tx);
    await auditAssignments(
      tx,
      actor,
      role,
      users.filter((user) => added.has(user.id)),
      "assign",
    );
    return { added: added.size };
  });
}

/**
 * Takes the role from users, bounded like giving it: a customer administrator takes only roles within their own
 * grants, from users who hold no more than they do. Refused when an enabled user would be left without any role, or
 * a company without an enabled user who can manage its users (counted under the companies' lock).
 */
export async function removeRoleUsers(db: Db, actor: Principal, input: z.output<typeof roleUserIdsInput>) {
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: input.userIds });
    const role = await roleFor(tx, actor, input.roleId, "assign");
    assertSelfManaged(actor, role);
    assertBounded(actor, role.permissions, "take away a role");
    const users = await assignable(tx, actor, role, input.userIds, true);
    const ids = users.map((user) => user.id);
    await assertUsersHoldNoMore(tx, actor, ids, "take a role from a user");
    const guard =
      manageRank(role.permissions) > 0
        ? await guardCustomerManagers(
            tx,
            lock,
            users.map((user) => user.customerId),
          )
        : null;
    // Only the rows this call deleted are reported and audited.
    const deleted = await tx.$queryRaw<{ customerUserId: number }[]>`
      DELETE FROM "CustomerUserRoleAssignment" WHERE "roleId" = ${role.id} AND "customerUserId" = ANY(${ids}::int[])
      RETURNING "customerUserId"`;
    const removed = new Set(deleted.map((row) => row.customerUserId));
    await assertUsersKeepARole(tx, lock, [...removed]);
    await guard?.assertKept();
    if (removed.size) await bumpAuthzEpoch(tx);
    await auditAssignments(
      tx,
      actor,
      role,
      users.filter((user) => removed.has(user.id)),
      "unassign",
    );
    return { removed: removed.size };
  });
}

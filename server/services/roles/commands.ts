import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import { bumpAuthzEpoch, type CustomerPrincipal, type Principal } from "../../authz/access";
import { AppError, staleVersion } from "../../errors";
import type { cloneRoleInput, createCompanyRoleInput, createRoleInput, updateCompanyRoleInput } from "../../schemas/role";
import { recordAudit } from "../audit/record";
import { guardCustomerManagers, assertRoleDeletable } from "../customerUsers/invariants";
import { companyTransaction, isLocked, lockCompanies, type CompanyLock } from "../customerUsers/companyLock";
import {
  assertBounded,
  assertLabelFree,
  assertSelfManaged,
  companyFlags,
  grantedRows,
  insertRole,
  manageRank,
  ownerFor,
  roleFor,
  snapshot,
  type RoleRow,
} from "./rules";

/** Making, changing, copying and deleting customer user roles (see rules.ts for what bounds each actor). */

/** The staff form's input; the storefront's lacks the flags (and, for edits, the customer). */
type Flags = Partial<Pick<z.output<typeof createRoleInput>, "customerId" | "selfManaged" | "public">>;
type CreateRole = Omit<z.output<typeof createCompanyRoleInput>, "customerId"> & Flags;
type UpdateRole = z.output<typeof updateCompanyRoleInput> & Flags;

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

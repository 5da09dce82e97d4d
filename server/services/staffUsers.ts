import type { z } from "zod";
import type { Db, DbClient } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { bumpAuthzEpoch, type StaffPrincipal } from "../authz/access";
import { assertWithinStaffGrants, exceedingStaffGrants, summarizeStaffExcess, staffGrantsOfRoles } from "../authz/grants";
import { explainStaffUser } from "../authz/explain";
import { AppError, notFound, staleVersion } from "../errors";
import { hashPassword } from "../auth/password";
import { enqueueEmail, secretLink } from "../email/outbox";
import type {
  createStaffUserInput,
  listStaffUsersInput,
  setStaffPasswordInput,
  setStaffUserEnabledInput,
  StaffUserSort,
  updateStaffUserInput,
} from "../schemas/staffUser";
import { recordAudit } from "./audit/record";
import { assertNotSelfStaff, keepingStaffAdministrator } from "./staff/invariants";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort, type SortValue } from "./kit/keyset";
import { clearAccountHolds } from "./identity/signInLimits";
import { consumeToken, invalidToken, issueStaffToken, peekToken } from "./identity/tokens";
import { likeLiteral } from "./kit/filters";

/**
 * Back-office accounts. A new staff member gets a single-use link to choose a password (never a password by email).
 * Everything that hands out power is bounded by the actor's own grants: the roles given, and the accounts touched —
 * nobody changes the account of someone who holds more than they do (that would be a way to take it over).
 * Disabling ends the member's sessions at once; nobody disables themselves, and the last staff administrator stays.
 */

const sorts: Record<StaffUserSort, Omit<KeysetSort, "dir">> = {
  name: { field: "lastName", type: "string" },
  email: { field: "email", type: "string" },
  lastLoginAt: { field: "lastLoginAt", type: "date", nullable: true },
  createdAt: { field: "createdAt", type: "date" },
};

const rolesSelect = { select: { role: { select: { id: true, label: true } } }, orderBy: { role: { label: "asc" } } } as const;

const listSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  lastLoginAt: true,
  createdAt: true,
  passwordHash: true,
  roles: rolesSelect,
} as const;

type ListRow = Prisma.StaffUserGetPayload<{ select: typeof listSelect }>;

/** A row as the pages get it: the roles flattened, and only whether a password is set (never its hash). */
function shaped({ passwordHash, roles, ...row }: ListRow) {
  return { ...row, hasPassword: passwordHash !== null, roles: roles.map((r) => r.role) };
}

function filtersOf(input: z.output<typeof listStaffUsersInput>): Prisma.StaffUserWhereInput {
  const q = input.q;
  return {
    AND: [
      q
        ? {
            OR: [
              { email: { contains: likeLiteral(q.toLowerCase()) } },
              { firstName: { contains: likeLiteral(q), mode: "insensitive" } },
              { lastName: { contains: likeLiteral(q), mode: "insensitive" } },
            ],
          }
        : {},
      input.enabled === undefined ? {} : { enabled: input.enabled },
      input.roleId ? { roles: { some: { roleId: input.roleId } } } : {},
    ],
  };
}

export async function listStaffUsers(db: DbClient, input: z.output<typeof listStaffUsersInput>) {
  const sort: KeysetSort = { ...sorts[input.sort], dir: input.dir };
  const where = filtersOf(input);
  const [rows, count] = await Promise.all([
    db.staffUser.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      select: listSelect,
      orderBy: keysetOrderBy(sort),
      take: input.limit + 1,
    }),
    cappedCount((take) => db.staffUser.count({ where, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[sort.field as keyof ListRow] as SortValue);
  return { items: page.items.map(shaped), nextCursor: page.nextCursor, count };
}

async function rolesOfUser(tx: DbClient, staffUserId: number) {
  const assignments = await tx.staffRoleAssignment.findMany({ where: { staffUserId }, select: { roleId: true } });
  return assignments.map((a) => a.roleId);
}

/** What the actor would have to hold to change this member's account; empty when they may. */
async function powerBeyondActor(tx: DbClient, actor: StaffPrincipal, staffUserId: number) {
  if (staffUserId === actor.id) return [];
  return exceedingStaffGrants(actor.grants, await staffGrantsOfRoles(tx, await rolesOfUser(tx, staffUserId)));
}

async function assertMayChange(tx: DbClient, actor: StaffPrincipal, user: { id: number; firstName: string; lastName: string }) {
  const excess = await powerBeyondActor(tx, actor, user.id);
  if (excess.length) {
    throw new AppError(
      "FORBIDDEN",
      `You cannot change ${user.firstName} ${user.lastName}'s account: they hold more than you do: ${summarizeStaffExcess(excess)}.`,
    );
  }
}

/** One staff member for the edit page, with whether (and why not) the actor may change the account. */
export async function getStaffUser(db: DbClient, actor: StaffPrincipal, id: number) {
  const user = await db.staffUser.findUnique({
    where: { id },
    select: {
      ...listSelect,
      version: true,
      loginCount: true,
      representedCustomers: {
        select: { customer: { select: { id: true, name: true } } },
        orderBy: { customer: { name: "asc" } },
        take: 50,
      },
      _count: { select: { representedCustomers: true } },
    },
  });
  if (!user) throw notFound("Staff member");
  const excess = await powerBeyondActor(db, actor, user.id);
  const { representedCustomers, _count, version, loginCount, ...row } = user;
  return {
    ...shaped(row),
    version,
    loginCount,
    /** The customers they are sales representative of (set on each customer): what a "represented" role reaches. */
    represents: { customers: representedCustomers.map((r) => r.customer), total: _count.representedCustomers },
    isSelf: user.id === actor.id,
    beyondYou: excess.length ? summarizeStaffExcess(excess) : null,
  };
}

export async function explainStaffMember(db: DbClient, id: number) {
  if (!(await db.staffUser.count({ where: { id } }))) throw notFound("Staff member");
  return explainStaffUser(db, id);
}

/** The staff roles a form offers, each with what it grants beyond the actor (so the form can say so up front). */
export async function staffRoleChoices(db: DbClient, actor: StaffPrincipal) {
  const roles = await db.staffRole.findMany({
    select: { id: true, label: true, description: true, scope: true, permissions: { select: { permission: true } } },
    orderBy: { label: "asc" },
  });
  return roles.map(({ permissions, ...role }) => {
    const excess = exceedingStaffGrants(actor.grants, [{ scope: role.scope, permissions: permissions.map((p) => p.permission) }]);
    return { ...role, permissionCount: permissions.length, beyondYou: excess.length ? summarizeStaffExcess(excess) : null };
  });
}

async function assertRolesExist(tx: DbClient, roleIds: number[]) {
  const found = await tx.staffRole.findMany({ where: { id: { in: roleIds } }, select: { id: true, label: true } });
  if (found.length !== new Set(roleIds).size) {
    throw new AppError("BAD_REQUEST", "One of the chosen roles no longer exists. Reload the page.", {
      fieldErrors: { roleIds: ["One of the chosen roles no longer exists."] },
    });
  }
  return found.map((r) => r.label).sort();
}

type Recipient = { id: number; email: string; firstName: string; lastName: string };

/** Issues the single-use set-password link (voiding older ones) and writes the email, in the caller's transaction. */
async function sendSetPasswordEmail(tx: DbClient, actor: StaffPrincipal, user: Recipient, welcome: boolean) {
  const { raw, hours } = await issueStaffToken(tx, "SET_PASSWORD", user);
  await enqueueEmail(tx, {
    template: "staffSetPassword",
    locale: "en",
    to: user.email,
    toName: `${user.firstName} ${user.lastName}`,
    props: {
      firstName: user.firstName,
      link: secretLink("/admin/set-password"),
      hours,
      welcome,
      senderName: `${actor.firstName} ${actor.lastName}`,
    },
    secret: raw,
  });
}

export async function createStaffUser(db: Db, actor: StaffPrincipal, input: z.output<typeof createStaffUserInput>) {
  return db.$transaction(async (tx) => {
    const roleLabels = await assertRolesExist(tx, input.roleIds);
    assertWithinStaffGrants(actor.grants, await staffGrantsOfRoles(tx, input.roleIds), "create a staff member");
    const user = await tx.staffUser.create({
      data: {
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        roles: { createMany: { data: [...new Set(input.roleIds)].map((roleId) => ({ roleId })) } },
      },
      select: { id: true, email: true, firstName: true, lastName: true },
    });
    await bumpAuthzEpoch(tx);
    await sendSetPasswordEmail(tx, actor, user, true);
    await recordAudit(tx, actor, {
      action: "staffUser.create",
      entityType: "StaffUser",
      entityId: user.id,
      after: { email: user.email, firstName: user.firstName, lastName: user.lastName, roles: roleLabels },
    });
    return { id: user.id };
  });
}

const sameSet = (a: number[], b: number[]) => a.length === new Set(b).size && b.every((id) => a.includes(id));

export async function updateStaffUser(db: Db, actor: StaffPrincipal, input: z.output<typeof updateStaffUserInput>) {
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({
      where: { id: input.id },
      select: { id: true, version: true, email: true, firstName: true, lastName: true, roles: rolesSelect },
    });
    if (!user) throw notFound("Staff member");
    if (user.version !== input.version) throw staleVersion();
    await assertMayChange(tx, actor, user);
    const roleIdsBefore = user.roles.map((r) => r.role.id);
    const rolesChanged = !sameSet(roleIdsBefore, input.roleIds);
    const roleLabels = await assertRolesExist(tx, input.roleIds);
    if (rolesChanged) assertWithinStaffGrants(actor.grants, await staffGrantsOfRoles(tx, input.roleIds), "give these roles");

    await keepingStaffAdministrator(
      tx,
      async () => {
        const updated = await tx.staffUser.updateMany({
          where: { id: user.id, version: input.version },
          data: { firstName: input.firstName, lastName: input.lastName, email: input.email, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw staleVersion();
        if (rolesChanged) {
          await tx.staffRoleAssignment.deleteMany({ where: { staffUserId: user.id, roleId: { notIn: input.roleIds } } });
          await tx.staffRoleAssignment.createMany({
            data: input.roleIds.map((roleId) => ({ staffUserId: user.id, roleId })),
            skipDuplicates: true,
          });
          await bumpAuthzEpoch(tx);
        }
      },
      (last) =>
        `${last} is the last staff administrator (holding every permission for all customers) and must keep those roles. Make someone else an administrator first.`,
    );
    await recordAudit(tx, actor, {
      action: "staffUser.update",
      entityType: "StaffUser",
      entityId: user.id,
      before: { email: user.email, firstName: user.firstName, lastName: user.lastName, roles: user.roles.map((r) => r.role.label) },
      after: { email: input.email, firstName: input.firstName, lastName: input.lastName, roles: roleLabels },
    });
    return { id: user.id, version: user.version + 1 };
  });
}

/** Disabling ends the member's sessions on their very next request (sessionVersion). */
export async function setStaffUserEnabled(db: Db, actor: StaffPrincipal, input: z.output<typeof setStaffUserEnabledInput>) {
  assertNotSelfStaff(actor, input.id, input.enabled ? "enable" : "disable");
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({
      where: { id: input.id },
      select: { id: true, enabled: true, firstName: true, lastName: true },
    });
    if (!user) throw notFound("Staff member");
    await assertMayChange(tx, actor, user);
    if (user.enabled === input.enabled) return { id: user.id, enabled: user.enabled };
    await keepingStaffAdministrator(
      tx,
      () =>
        tx.staffUser.update({
          where: { id: user.id },
          data: { enabled: input.enabled, version: { increment: 1 }, ...(input.enabled ? {} : { sessionVersion: { increment: 1 } }) },
        }),
      (last) => `${last} is the last enabled staff administrator and cannot be disabled. Make someone else an administrator first.`,
    );
    await recordAudit(tx, actor, {
      action: input.enabled ? "staffUser.enable" : "staffUser.disable",
      entityType: "StaffUser",
      entityId: user.id,
      before: { enabled: user.enabled },
      after: { enabled: input.enabled },
    });
    return { id: user.id, enabled: input.enabled };
  });
}

/** Sends a new set-password link (the first one expired, or the member forgot the password); older links stop working. */
export async function sendStaffPasswordLink(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({
      where: { id: input.id },
      select: { id: true, email: true, firstName: true, lastName: true, enabled: true, passwordHash: true },
    });
    if (!user) throw notFound("Staff member");
    await assertMayChange(tx, actor, user);
    if (!user.enabled) throw new AppError("BAD_REQUEST", `${user.firstName} ${user.lastName}'s account is disabled: enable it first.`);
    await sendSetPasswordEmail(tx, actor, user, user.passwordHash === null);
    await recordAudit(tx, actor, {
      action: "staffUser.sendPasswordLink",
      entityType: "StaffUser",
      entityId: user.id,
      after: { email: user.email },
    });
    return { email: user.email };
  });
}

// ------------------------------------------------------------------------------- set-password page

async function linkOwner(db: DbClient, token: { staffUserId: number | null; email: string }) {
  const user = await db.staffUser.findUnique({
    where: { id: token.staffUserId ?? 0 },
    select: { id: true, email: true, enabled: true, passwordHash: true },
  });
  // A link for an address the member no longer has, or a disabled account, opens nothing.
  return user && user.enabled && user.email === token.email ? user : null;
}

/** What the set-password page shows before the password is chosen; null for a used, expired or foreign link. */
export async function checkStaffPasswordLink(db: DbClient, raw: string) {
  const token = await peekToken(db, "SET_PASSWORD", raw, "staff");
  const user = token ? await linkOwner(db, token) : null;
  return user ? { email: user.email, firstPassword: user.passwordHash === null } : null;
}

/** Sets the password from the link: the link is used up, every session ends, the account's lockout lifts. */
export async function setStaffPassword(db: Db, input: z.output<typeof setStaffPasswordInput>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, "SET_PASSWORD", input.token, "staff");
    const user = await linkOwner(tx, token);
    if (!user) throw invalidToken();
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.token.updateMany({ where: { staffUserId: user.id, purpose: "SET_PASSWORD", usedAt: null }, data: { usedAt: new Date() } });
    await clearAccountHolds(tx, "staff", user.email);
    await recordAudit(
      tx,
      { realm: "system" },
      {
        action: "staffUser.setPassword",
        entityType: "StaffUser",
        entityId: user.id,
        before: { hasPassword: user.passwordHash !== null },
        after: { hasPassword: true },
      },
    );
    return { email: user.email };
  });
}

import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import { bumpAuthzEpoch, type StaffPrincipal } from "../../authz/access";
import { assertWithinStaffGrants, staffGrantsOfRoles } from "../../authz/grants";
import { AppError, notFound, staleVersion } from "../../errors";
import type { createStaffUserInput, setStaffUserEnabledInput, updateStaffUserInput } from "../../schemas/staffUser";
import { recordAudit } from "../audit/record";
import { assertNotSelfStaff, keepingStaffAdministrator } from "./invariants";
import { assertMayChange, rolesSelect } from "./users";
import { sendSetPasswordEmail } from "./passwords";

/** Creating and changing back-office accounts: bounded by the actor's grants (see users.ts). */

async function assertRolesExist(tx: DbClient, roleIds: number[]) {
  const found = await tx.staffRole.findMany({ where: { id: { in: roleIds } }, select: { id: true, label: true } });
  if (found.length !== new Set(roleIds).size) {
    throw new AppError("BAD_REQUEST", "One of the chosen roles no longer exists. Reload the page.", {
      fieldErrors: { roleIds: ["One of the chosen roles no longer exists."] },
    });
  }
  return found.map((r) => r.label).sort();
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

import type { DbClient } from "../db";
import { accumulateCustomerGrants, accumulateStaffGrants } from "./access";
import { customerCatalogue, levelRank, staffCatalogue, type Level, type StaffScope } from "./permissions";

/**
 * "Effective permissions and why": for each permission of the catalogue, the level a user holds and every role
 * that grants it at which level. Uses the same accumulation as request-time checks, so the two cannot disagree.
 */
export type CustomerPermissionExplanation = {
  key: string;
  label: string;
  group: string;
  kind: "entity" | "capability";
  level: Level;
  sources: { roleId: number; roleLabel: string; level: Level }[];
};

export async function explainCustomerUser(db: DbClient, customerUserId: number): Promise<CustomerPermissionExplanation[]> {
  const roles = await db.customerUserRole.findMany({
    where: { assignments: { some: { customerUserId } } },
    select: { id: true, label: true, permissions: { select: { permission: true, level: true } } },
    orderBy: { label: "asc" },
  });
  const grants = accumulateCustomerGrants(roles.flatMap((role) => role.permissions));
  return customerCatalogue.map((info) => ({
    key: info.key,
    label: info.label,
    group: info.group,
    kind: info.kind,
    level: grants.get(info.key) ?? "NONE",
    sources: roles.flatMap((role) =>
      role.permissions
        .filter((p) => p.permission === info.key && levelRank(info.key, p.level) > 0)
        .map((p) => ({ roleId: role.id, roleLabel: role.label, level: p.level })),
    ),
  }));
}

export type StaffPermissionExplanation = {
  key: string;
  label: string;
  group: string;
  scope: StaffScope | null;
  sources: { roleId: number; roleLabel: string; scope: StaffScope }[];
};

export async function explainStaffUser(db: DbClient, staffUserId: number): Promise<StaffPermissionExplanation[]> {
  const roles = await db.staffRole.findMany({
    where: { assignments: { some: { staffUserId } } },
    select: { id: true, label: true, scope: true, permissions: { select: { permission: true } } },
    orderBy: { label: "asc" },
  });
  const grants = accumulateStaffGrants(
    roles.map((role) => ({ scope: role.scope, permissions: role.permissions.map((p) => p.permission) })),
  );
  return staffCatalogue.map((info) => ({
    key: info.key,
    label: info.label,
    group: info.group,
    scope: grants.get(info.key) ?? null,
    sources: roles
      .filter((role) => role.permissions.some((p) => p.permission === info.key))
      .map((role) => ({ roleId: role.id, roleLabel: role.label, scope: info.scoped ? role.scope : "ALL" })),
  }));
}

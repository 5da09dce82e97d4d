import { z } from "zod";
import { exactText, id, pageSize, optionalText, text, version } from "./common";
import { cursor, sortInput } from "./grid";

/**
 * Staff roles: the grid, and the role form with its permission editor. Permission keys are checked against the
 * catalogue by the service (schemas import nothing from the server); the scopes name the StaffScope enum's values.
 */
export const staffRoleScopes = ["REPRESENTED", "ALL"] as const;

export const staffRoleSorts = ["label", "createdAt"] as const;

export const listStaffRolesInput = z.object({
  ...sortInput(staffRoleSorts, "label"),
  cursor,
  limit: pageSize,
  q: text(100).optional(),
  scope: z.enum(staffRoleScopes).optional(),
});
export type ListStaffRolesInput = z.input<typeof listStaffRolesInput>;

const staffRoleFields = {
  label: text(50).min(3, "Use at least 3 characters."),
  description: optionalText(500),
  scope: z.enum(staffRoleScopes, "Choose which customers the role reaches."),
  permissions: z
    .array(exactText(100))
    .max(200)
    .transform((keys) => [...new Set(keys)]),
};

export const createStaffRoleInput = z.object(staffRoleFields);
export type CreateStaffRoleInput = z.input<typeof createStaffRoleInput>;

export const updateStaffRoleInput = z.object({
  id,
  /** The version the form was loaded with (optimistic locking). */
  version,
  ...staffRoleFields,
});
export type UpdateStaffRoleInput = z.input<typeof updateStaffRoleInput>;

export const staffRoleIdInput = z.object({ id });

import { z } from "zod";
import { id, pageSize, optionalText } from "./common";
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
  q: z.string().trim().max(100).optional(),
  scope: z.enum(staffRoleScopes).optional(),
});
export type ListStaffRolesInput = z.input<typeof listStaffRolesInput>;

const staffRoleFields = {
  label: z.string().trim().min(3, "Use at least 3 characters.").max(50, "At most 50 characters."),
  description: optionalText(500),
  scope: z.enum(staffRoleScopes, "Choose which customers the role reaches."),
  permissions: z
    .array(z.string().max(100))
    .max(200)
    .transform((keys) => [...new Set(keys)]),
};

export const createStaffRoleInput = z.object(staffRoleFields);
export type CreateStaffRoleInput = z.input<typeof createStaffRoleInput>;

export const updateStaffRoleInput = z.object({
  id,
  /** The version the form was loaded with (optimistic locking). */
  version: z.number().int().positive(),
  ...staffRoleFields,
});
export type UpdateStaffRoleInput = z.input<typeof updateStaffRoleInput>;

export const staffRoleIdInput = z.object({ id });

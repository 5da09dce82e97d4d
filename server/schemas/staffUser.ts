import { z } from "zod";
import { email, id, pageSize, requiredText, text, version } from "./common";
import { cursor, sortInput } from "./grid";
import { newPassword } from "./password";

/** Back-office accounts: the staff grid, the create and edit forms, and the set-password page. */

export const staffUserSorts = ["name", "email", "lastLoginAt", "createdAt"] as const;
export type StaffUserSort = (typeof staffUserSorts)[number];

export const listStaffUsersInput = z.object({
  ...sortInput(staffUserSorts, "name"),
  cursor,
  limit: pageSize,
  /** Part of the name or email. */
  q: text(100).optional(),
  enabled: z.boolean().optional(),
  roleId: id.optional(),
});
export type ListStaffUsersInput = z.input<typeof listStaffUsersInput>;

const staffUserFields = {
  firstName: requiredText(100, "Enter the first name."),
  lastName: requiredText(100, "Enter the last name."),
  email,
  roleIds: z.array(id).min(1, "Choose at least one role.").max(50),
};

export const createStaffUserInput = z.object(staffUserFields);
export type CreateStaffUserInput = z.input<typeof createStaffUserInput>;

export const updateStaffUserInput = z.object({
  id,
  /** The version the form was loaded with (optimistic locking). */
  version,
  ...staffUserFields,
});
export type UpdateStaffUserInput = z.input<typeof updateStaffUserInput>;

export const setStaffUserEnabledInput = z.object({ id, enabled: z.boolean() });

export const staffUserIdInput = z.object({ id });

export const staffPasswordLinkInput = z.object({ token: text(200).min(1, "The link has no token.") });

export const setStaffPasswordInput = z.object({ token: staffPasswordLinkInput.shape.token, password: newPassword });

import { z } from "zod";
import { day, email, exactText, id, optionalText, requiredText, version } from "./common";
import { newPassword } from "./password";

/** A person's name parts, as the registration form and the profile ask for them. */
export const personName = {
  namePrefix: optionalText(50),
  firstName: requiredText(255, "Enter your first name."),
  middleName: optionalText(255),
  lastName: requiredText(255, "Enter your last name."),
  nameSuffix: optionalText(50),
};

const today = () => new Date().toISOString().slice(0, 10);

/** YYYY-MM-DD (what a date input gives), empty for none; not in the future. */
export const birthday = z
  .union([z.literal(""), day()])
  .nullable()
  .optional()
  .refine((value) => !value || value <= today(), "A birthday cannot be in the future.")
  .refine((value) => !value || value >= "1900-01-01", "Enter a date after 1900.")
  .transform((value) => value || null);

export const phone = optionalText(50).refine(
  (value) => !value || /^\+?[\d\s().\/-]{3,}$/.test(value),
  "Use digits, spaces and + ( ) - / . only.",
);

export const updateProfileInput = z.object({
  /** The version the form was loaded with: a save against a newer record is refused (optimistic locking). */
  version,
  ...personName,
  birthday,
  phone,
  /** Preferred language on the user's website; only offered when the website has more than one. */
  localizationId: id.nullable().optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const currentPassword = exactText(128, "Use at most 128 characters.").min(1, "Enter your current password.");

export const changeEmailInput = z.object({ email, currentPassword });
export type ChangeEmailInput = z.input<typeof changeEmailInput>;

export const changePasswordInput = z.object({ currentPassword, newPassword });

/** The form asks for the new password twice; the procedure needs it once. */
export const changePasswordForm = changePasswordInput
  .safeExtend({ passwordConfirmation: exactText(128) })
  .refine((value) => value.newPassword === value.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "The two passwords do not match.",
  });
export type ChangePasswordForm = z.input<typeof changePasswordForm>;

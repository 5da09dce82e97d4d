import { z } from "zod";
import { id, moment } from "./common";

/** Storefront settings of one website, as the settings page edits them. */

export const websiteSettingsInput = z.object({ websiteId: id.optional() });

export const updateWebsiteSettingsInput = z
  .object({
    websiteId: id,
    /** When the settings were last saved as the form loaded them (optimistic locking); null: never saved. */
    updatedAt: moment().nullable(),
    registrationAllowed: z.boolean(),
    registrationLinkShown: z.boolean(),
    confirmationRequired: z.boolean(),
    signInAfterRegistration: z.boolean(),
    companyNameFieldShown: z.boolean(),
    defaultRoleId: id.nullable(),
    registrationOwnerId: id.nullable(),
    invitationTtlHours: z
      .number("Enter a number of hours.")
      .int("Use whole hours.")
      .min(1, "At least 1 hour.")
      .max(720, "At most 720 hours (30 days)."),
    localizationIds: z.array(id).min(1, "Enable at least one localization.").max(50),
    defaultLocalizationId: id.nullable(),
  })
  // With none enabled, the list's own message says it all.
  .refine(
    (value) =>
      value.localizationIds.length === 0 ||
      (value.defaultLocalizationId !== null && value.localizationIds.includes(value.defaultLocalizationId)),
    {
      path: ["defaultLocalizationId"],
      message: "Choose the default among the enabled localizations.",
    },
  )
  .refine((value) => !value.registrationAllowed || value.defaultRoleId !== null, {
    path: ["defaultRoleId"],
    message: "Registration needs a role for new users.",
  });
export type UpdateWebsiteSettingsInput = z.input<typeof updateWebsiteSettingsInput>;

import { z } from "zod";
import { id, moment, requiredText } from "./common";

export const consentIdInput = z.object({ consentId: id });

/** Consent definitions, as the back office edits them. */
const consentFields = {
  title: requiredText(200, "Enter a title."),
  body: requiredText(5000, "Enter the text people agree to."),
  mandatory: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number("Enter a number.").int("Use a whole number.").min(0, "At least 0.").max(9999, "At most 9999."),
};

export const createConsentInput = z.object(consentFields);
export type CreateConsentInput = z.input<typeof createConsentInput>;

export const updateConsentInput = z.object({
  id,
  /** When the consent was last saved as the form loaded it (optimistic locking). */
  updatedAt: moment(),
  ...consentFields,
});
export type UpdateConsentInput = z.input<typeof updateConsentInput>;

export const consentDefinitionIdInput = z.object({ id });

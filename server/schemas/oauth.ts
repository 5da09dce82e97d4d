import { z } from "zod";
import { exactText, id, moment, requiredText } from "./common";

export const createOAuthApplicationInput = z.object({
  name: requiredText(100, "Name the application."),
  /** Optional: the application stops working after this moment. */
  expiresAt: moment(z.coerce.date({ error: "Enter a valid date." }))
    .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future.")
    .nullable()
    .optional(),
});

export const createOAuthApplicationForUserInput = createOAuthApplicationInput.extend({ customerUserId: id });

export const oauthApplicationIdInput = z.object({ id });
export const setOAuthApplicationActiveInput = z.object({ id, active: z.boolean() });
export const listOAuthApplicationsInput = z.object({ customerUserId: id });

/** RFC 6749 section 4.4: the client credentials grant, from the form body (credentials may come by Basic instead). */
export const tokenRequest = z.object({
  grant_type: exactText(100).optional(),
  client_id: exactText(200).optional(),
  client_secret: exactText(200).optional(),
  scope: exactText(500).optional(),
});

import { z } from "zod";
import { id, text } from "./common";

export const startImpersonationInput = z.object({
  customerUserId: id,
  /** Kept with the impersonation and in the audit log: why a staff member acts as this person. */
  reason: text(500).min(10, "Say why, in at least 10 characters (a ticket number helps)."),
});

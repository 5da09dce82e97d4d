import { z } from "zod";
import { cursor } from "./grid";
import { email, exactText, id, optionalText, pageSize, text } from "./common";
import { newPassword } from "./password";

export const invitationStatuses = ["PENDING", "ACCEPTED", "REVOKED", "EXPIRED"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export const createInvitationInput = z.object({
  email,
  firstName: optionalText(255),
  lastName: optionalText(255),
  customerId: id,
  roleIds: z.array(id).min(1, "Choose at least one role.").max(20),
});

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  PENDING: "Pending",
  ACCEPTED: "Accepted",
  REVOKED: "Revoked",
  EXPIRED: "Expired",
};

export const listInvitationsInput = z.object({
  /** Keyset cursor: the id of the last row of the previous page as text (newest first). */
  cursor,
  limit: pageSize,
  status: z.enum(invitationStatuses).optional(),
  /** Invited email contains. */
  search: text(100).optional(),
  customerId: id.optional(),
});

export const invitationIdInput = z.object({ id });

export const acceptInvitationInput = z.object({
  token: exactText(200).min(20),
  firstName: text(255).min(1, "Enter your first name."),
  lastName: text(255).min(1, "Enter your last name."),
  password: newPassword,
  /** The consents ticked; every active mandatory one must be among them, as at registration. */
  consentIds: z.array(id).max(50).default([]),
});

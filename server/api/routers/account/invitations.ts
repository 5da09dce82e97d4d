import { createTRPCRouter, customerProcedure } from "../../trpc";
import { createInvitationInput, invitationIdInput, listInvitationsInput } from "../../../schemas/invitations";
import * as invitations from "../../../services/customerUsers/invitations";

/**
 * A company administrator's invitations: within their user-management level, bounded by their own grants. Only
 * those who may add users deal with invitations, so listing them needs that too.
 */
export const invitationsRouter = createTRPCRouter({
  list: customerProcedure("customerUser.create")
    .input(listInvitationsInput)
    .query(({ ctx, input }) => invitations.listInvitations(ctx.db, ctx.actor, input)),
  create: customerProcedure("customerUser.create")
    .input(createInvitationInput)
    .mutation(({ ctx, input }) => invitations.createInvitation(ctx.db, ctx.actor, input)),
  resend: customerProcedure("customerUser.create")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => invitations.resendInvitation(ctx.db, ctx.actor, input.id)),
  revoke: customerProcedure("customerUser.create")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => invitations.revokeInvitation(ctx.db, ctx.actor, input.id)),
});

import { createTRPCRouter, customerProcedure } from "../../trpc";
import { createInvitationInput, invitationIdInput, listInvitationsInput } from "../../../schemas/invitations";
import * as invitations from "../../../services/invitations";

/** A company administrator's invitations: within their user-management level, bounded by their own grants. */
export const invitationsRouter = createTRPCRouter({
  list: customerProcedure("customerUser.view")
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

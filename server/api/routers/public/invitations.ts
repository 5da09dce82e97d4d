import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../../trpc";
import { exactText } from "../../../schemas/common";
import { acceptInvitationInput } from "../../../schemas/invitations";
import { acceptInvitation, peekInvitation } from "../../../services/customerUsers/invitationAcceptance";

/** Following an invitation link: anyone holding the link (it is the credential), nobody else. */
export const publicInvitationsRouter = createTRPCRouter({
  peek: publicProcedure.input(z.object({ token: exactText(200) })).query(({ ctx, input }) => peekInvitation(ctx.db, input.token)),
  accept: publicProcedure.input(acceptInvitationInput).mutation(({ ctx, input }) => acceptInvitation(ctx.db, input)),
});

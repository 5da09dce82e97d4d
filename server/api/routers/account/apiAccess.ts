import { createTRPCRouter, customerProcedure } from "../../trpc";
import { createOAuthApplicationInput, oauthApplicationIdInput, setOAuthApplicationActiveInput } from "../../../schemas/oauth";
import * as apps from "../../../services/oauth/applications";

/** A customer user's own OAuth applications (capability "Manage own OAuth applications"). */
export const apiAccessRouter = createTRPCRouter({
  list: customerProcedure("oauthApp.manage").query(({ ctx }) => apps.listApplications(ctx.db, ctx.actor, ctx.actor.id)),
  create: customerProcedure("oauthApp.manage")
    .input(createOAuthApplicationInput)
    .mutation(({ ctx, input }) => apps.createApplication(ctx.db, ctx.actor, { ...input, customerUserId: ctx.actor.id })),
  setActive: customerProcedure("oauthApp.manage")
    .input(setOAuthApplicationActiveInput)
    .mutation(({ ctx, input }) => apps.setApplicationActive(ctx.db, ctx.actor, input)),
  delete: customerProcedure("oauthApp.manage")
    .input(oauthApplicationIdInput)
    .mutation(({ ctx, input }) => apps.deleteApplication(ctx.db, ctx.actor, input.id)),
});

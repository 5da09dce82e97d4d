import { createTRPCRouter, staffProcedure } from "../../trpc";
import {
  createOAuthApplicationForUserInput,
  listOAuthApplicationsInput,
  oauthApplicationIdInput,
  setOAuthApplicationActiveInput,
} from "../../../schemas/oauth";
import * as apps from "../../../services/oauth/applications";

/** Staff manage the OAuth applications of customer users within their scope. */
export const oauthAppsRouter = createTRPCRouter({
  list: staffProcedure("oauthApp.manage")
    .input(listOAuthApplicationsInput)
    .query(({ ctx, input }) => apps.listApplications(ctx.db, ctx.actor, input.customerUserId)),
  create: staffProcedure("oauthApp.manage")
    .input(createOAuthApplicationForUserInput)
    .mutation(({ ctx, input }) => apps.createApplication(ctx.db, ctx.actor, input)),
  setActive: staffProcedure("oauthApp.manage")
    .input(setOAuthApplicationActiveInput)
    .mutation(({ ctx, input }) => apps.setApplicationActive(ctx.db, ctx.actor, input)),
  delete: staffProcedure("oauthApp.manage")
    .input(oauthApplicationIdInput)
    .mutation(({ ctx, input }) => apps.deleteApplication(ctx.db, ctx.actor, input.id)),
});

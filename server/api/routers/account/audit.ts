import { createTRPCRouter, customerProcedure } from "../../trpc";
import { listAuditInput } from "../../../schemas/audit";
import { listAuditEvents } from "../../../services/audit/log";

/** The company's audit log (capability "View the company audit log"). */
export const companyAuditRouter = createTRPCRouter({
  list: customerProcedure("audit.view")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
});

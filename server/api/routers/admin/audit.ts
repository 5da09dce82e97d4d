import { createTRPCRouter, staffProcedure } from "../../trpc";
import { listAuditInput } from "../../../schemas/audit";
import { listAuditEvents } from "../../../services/audit/log";

export const auditRouter = createTRPCRouter({
  list: staffProcedure("audit.view")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
});

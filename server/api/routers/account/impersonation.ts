import { createTRPCRouter, customerProcedure, SIGNED_IN } from "../../trpc";
import { endImpersonation } from "../../../services/customerUsers/impersonation";

export const accountImpersonationRouter = createTRPCRouter({
  /** Ends the impersonation this session belongs to; the page then signs the customer session out. */
  end: customerProcedure(SIGNED_IN).mutation(({ ctx }) => endImpersonation(ctx.db, ctx.actor)),
});

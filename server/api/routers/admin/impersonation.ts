import { createTRPCRouter, staffProcedure } from "../../trpc";
import { z } from "zod";
import { id } from "../../../schemas/common";
import { startImpersonationInput } from "../../../schemas/impersonation";
import { impersonationTarget, startImpersonation } from "../../../services/customerUsers/impersonation";

export const impersonationRouter = createTRPCRouter({
  /** The customer user a staff member would sign in as, and why not when they cannot. */
  target: staffProcedure("customerUser.impersonate")
    .input(z.object({ customerUserId: id }))
    .query(({ ctx, input }) => impersonationTarget(ctx.db, ctx.actor, input.customerUserId)),
  /**
   * Opens an impersonation and returns its one-time sign-in ticket. Called by the back office's server action,
   * which hands the ticket straight to the customer realm's "impersonation" sign-in.
   */
  start: staffProcedure("customerUser.impersonate")
    .input(startImpersonationInput)
    .mutation(({ ctx, input }) => startImpersonation(ctx.db, ctx.actor, input)),
});

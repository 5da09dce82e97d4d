import { createTRPCRouter, staffProcedure } from "../../trpc";
import { clearLockoutInput, listLoginAttemptsInput } from "../../../schemas/loginAttempt";
import { clearLockout, countLoginAttempts, listLockouts, listLoginAttempts } from "../../../services/loginAttempts";

export const loginAttemptsRouter = createTRPCRouter({
  list: staffProcedure("loginAttempt.view")
    .input(listLoginAttemptsInput)
    .query(({ ctx, input }) => listLoginAttempts(ctx.db, ctx.actor, input)),
  count: staffProcedure("loginAttempt.view")
    .input(listLoginAttemptsInput)
    .query(({ ctx, input }) => countLoginAttempts(ctx.db, ctx.actor, input)),
  lockouts: staffProcedure("loginAttempt.view").query(({ ctx }) => listLockouts(ctx.db, ctx.actor, "customerUser.viewLockout")),
  clearLockout: staffProcedure("loginAttempt.clearLockout")
    .input(clearLockoutInput)
    .mutation(({ ctx, input }) => clearLockout(ctx.db, ctx.actor, input)),
});

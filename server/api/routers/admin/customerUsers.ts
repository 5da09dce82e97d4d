import { createTRPCRouter, staffProcedure } from "../../trpc";
import { listCustomerUsersInput, setCustomerUserEnabledInput } from "../../../schemas/customerUser";
import { listCustomerUsers, setCustomerUserEnabled } from "../../../services/customerUsers";

export const customerUsersRouter = createTRPCRouter({
  list: staffProcedure("customerUser.view")
    .input(listCustomerUsersInput)
    .query(({ ctx, input }) => listCustomerUsers(ctx.db, ctx.actor, input)),
  setEnabled: staffProcedure("customerUser.enable")
    .input(setCustomerUserEnabledInput)
    .mutation(({ ctx, input }) => setCustomerUserEnabled(ctx.db, ctx.actor, input)),
});

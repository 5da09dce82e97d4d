import { createTRPCRouter, staffProcedure } from "../../trpc";
import { listCustomerUsersInput } from "../../../schemas/customerUser";
import { listCustomerUsers } from "../../../services/customerUsers";

export const customerUsersRouter = createTRPCRouter({
  list: staffProcedure("customerUser.view")
    .input(listCustomerUsersInput)
    .query(({ ctx, input }) => listCustomerUsers(ctx.db, ctx.actor, input)),
});

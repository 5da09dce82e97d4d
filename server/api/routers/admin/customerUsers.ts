import { createTRPCRouter, staffProcedure } from "../../trpc";
import { listCustomerUsersInput, setCustomerUserEnabledInput } from "../../../schemas/customerUser";
import { listCustomerUsers, setCustomerUserEnabled, customerUserInScope } from "../../../services/customerUsers";
import { explainCustomerUser } from "../../../authz/explain";
import { z } from "zod";
import { id } from "../../../schemas/common";

export const customerUsersRouter = createTRPCRouter({
  list: staffProcedure("customerUser.view")
    .input(listCustomerUsersInput)
    .query(({ ctx, input }) => listCustomerUsers(ctx.db, ctx.actor, input)),
  /** The user's effective permissions, each with the roles that grant it. */
  effectivePermissions: staffProcedure("customerUser.view")
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => {
      const user = await customerUserInScope(ctx.db, ctx.actor, input.id);
      return explainCustomerUser(ctx.db, user.id);
    }),
  setEnabled: staffProcedure("customerUser.enable")
    .input(setCustomerUserEnabledInput)
    .mutation(({ ctx, input }) => setCustomerUserEnabled(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, staffProcedure } from "../../trpc";
import { customerGroupInput, customerIdInput, listCustomerGroupsInput, updateCustomerGroupInput } from "../../../schemas/customer";
import { createCustomerGroup, deleteCustomerGroup, listCustomerGroups, updateCustomerGroup } from "../../../services/customers/groups";

export const customerGroupsRouter = createTRPCRouter({
  list: staffProcedure("customerGroup.view")
    .input(listCustomerGroupsInput)
    .query(({ ctx, input }) => listCustomerGroups(ctx.db, input)),
  create: staffProcedure("customerGroup.create")
    .input(customerGroupInput)
    .mutation(({ ctx, input }) => createCustomerGroup(ctx.db, ctx.actor, input)),
  update: staffProcedure("customerGroup.edit")
    .input(updateCustomerGroupInput)
    .mutation(({ ctx, input }) => updateCustomerGroup(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customerGroup.delete")
    .input(customerIdInput)
    .mutation(({ ctx, input }) => deleteCustomerGroup(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, staffProcedure } from "../../trpc";
import {
  createCustomerUserInput,
  customerChoicesInput,
  customerUserIdInput,
  roleChoicesInput,
  updateCustomerUserInput,
} from "../../../schemas/customerUser";
import * as record from "../../../services/customerUserRecord";
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

  // ---------------------------------------------------------- the record: view, create, edit (customerUserRecord.ts)
  get: staffProcedure("customerUser.view")
    .input(customerUserIdInput)
    .query(({ ctx, input }) => record.getCustomerUser(ctx.db, ctx.actor, input.id)),
  consents: staffProcedure("customerUser.view")
    .input(customerUserIdInput)
    .query(({ ctx, input }) => record.customerUserConsents(ctx.db, ctx.actor, input.id)),
  /** Websites with their localizations, and the staff who can be sales representatives. */
  formOptions: staffProcedure("customerUser.view").query(({ ctx }) => record.customerUserFormOptions(ctx.db, ctx.actor)),
  customerChoices: staffProcedure("customerUser.view")
    .input(customerChoicesInput)
    .query(({ ctx, input }) => record.customerChoices(ctx.db, ctx.actor, input)),
  /** The predefined roles and the customer's own: what the form offers, reloaded when the customer changes. */
  roleChoices: staffProcedure("customerUser.view")
    .input(roleChoicesInput)
    .query(({ ctx, input }) => record.roleChoices(ctx.db, ctx.actor, input.customerId)),
  create: staffProcedure("customerUser.create")
    .input(createCustomerUserInput)
    .mutation(({ ctx, input }) => record.createCustomerUser(ctx.db, ctx.actor, input)),
  update: staffProcedure("customerUser.edit")
    .input(updateCustomerUserInput)
    .mutation(({ ctx, input }) => record.updateCustomerUser(ctx.db, ctx.actor, input)),
});

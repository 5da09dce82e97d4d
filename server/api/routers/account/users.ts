import { createTRPCRouter, customerProcedure } from "../../trpc";
import {
  createCustomerUserInput,
  customerChoicesInput,
  customerUserIdInput,
  roleChoicesInput,
  setCustomerUserEnabledInput,
  updateCustomerUserInput,
} from "../../../schemas/customerUser";
import * as s from "../../../schemas/accountUser";
import * as record from "../../../services/customerUsers/record";
import * as choices from "../../../services/customerUsers/choices";
import { createCustomerUser } from "../../../services/customerUsers/create";
import { updateCustomerUser } from "../../../services/customerUsers/update";
import { customerUserInScope } from "../../../services/customerUsers/grid";
import {
  deleteCustomerUser,
  massDeleteCustomerUsers,
  massSetCustomerUsersEnabled,
  setCustomerUserEnabled,
} from "../../../services/customerUsers/lifecycle";
import { listAccountUsers } from "../../../services/customerUsers/companyList";
import { roleChoices } from "../../../services/roles/choices";
import { explainCustomerUser } from "../../../authz/explain";

/**
 * A customer's administrator manages the users their level reaches (their customer, or its subtree), never
 * beyond what they hold. The same realm-generic services as the back office; also served as /api/v1/users.
 */
const api = (method: "GET" | "POST" | "PUT", path: `/${string}`, summary: string) => ({
  openapi: { method, path, tags: ["Users"], summary, protect: true },
});

export const accountUsersRouter = createTRPCRouter({
  list: customerProcedure("customerUser.view")
    .meta(api("GET", "/users", "The users within the caller's scope, filtered and sorted, keyset-paged"))
    .input(s.listAccountUsersInput)
    .output(s.accountUserPageOutput)
    .query(({ ctx, input }) => listAccountUsers(ctx.db, ctx.actor, input)),
  get: customerProcedure("customerUser.view")
    .meta(api("GET", "/users/{id}", "One user"))
    .input(customerUserIdInput)
    .output(s.accountUserOutput)
    .query(({ ctx, input }) => record.getCustomerUser(ctx.db, ctx.actor, input.id)),
  /** The user's effective permissions, each with the roles that grant it. */
  effectivePermissions: customerProcedure("customerUser.view")
    .input(customerUserIdInput)
    .query(async ({ ctx, input }) => {
      const user = await customerUserInScope(ctx.db, ctx.actor, input.id);
      return explainCustomerUser(ctx.db, user.id);
    }),

  // ------------------------------------------------------------------- the form's choices
  /** The websites with their localizations (the form asks for the preferred one when there are several). */
  formOptions: customerProcedure("customerUser.view").query(({ ctx }) => choices.customerUserFormOptions(ctx.db, ctx.actor)),
  /** The customers within reach for a purpose: adding a user, moving one, or a new subsidiary's parent. */
  customerChoices: customerProcedure("customerUser.view")
    .input(customerChoicesInput)
    .query(({ ctx, input }) => choices.customerChoices(ctx.db, ctx.actor, input)),
  /** The predefined public roles and the customer's own, each saying whether the caller may hand it out. */
  roleChoices: customerProcedure("customerUser.view")
    .input(roleChoicesInput)
    .query(({ ctx, input }) => roleChoices(ctx.db, ctx.actor, input.customerId)),

  // ------------------------------------------------------------------------------ changes
  create: customerProcedure("customerUser.create")
    .meta(api("POST", "/users", "Create a user (roles within the caller's own grants)"))
    .input(createCustomerUserInput)
    .output(s.savedUserOutput)
    .mutation(({ ctx, input }) => createCustomerUser(ctx.db, ctx.actor, input)),
  update: customerProcedure("customerUser.edit")
    .meta(api("PUT", "/users/{id}", "Save a user as loaded at `version`; addresses left out stay as they are"))
    .input(updateCustomerUserInput)
    .output(s.savedUserOutput)
    .mutation(({ ctx, input }) => updateCustomerUser(ctx.db, ctx.actor, input)),
  setEnabled: customerProcedure("customerUser.edit")
    .input(setCustomerUserEnabledInput)
    .mutation(({ ctx, input }) => setCustomerUserEnabled(ctx.db, ctx.actor, input)),
  delete: customerProcedure("customerUser.delete")
    .input(customerUserIdInput)
    .mutation(({ ctx, input }) => deleteCustomerUser(ctx.db, ctx.actor, input)),
  /** Each selected user through setEnabled's rules; yourself and refused rows are reported as skipped. */
  massSetEnabled: customerProcedure("customerUser.edit")
    .input(s.massSetEnabledInput)
    .mutation(({ ctx, input }) => massSetCustomerUsersEnabled(ctx.db, ctx.actor, input)),
  massDelete: customerProcedure("customerUser.delete")
    .input(s.massDeleteInput)
    .mutation(({ ctx, input }) => massDeleteCustomerUsers(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, staffProcedure } from "../../trpc";
import {
  createCustomerUserInput,
  customerChoicesInput,
  customerUserActionInput,
  customerUserEmailsInput,
  customerUserIdInput,
  listCustomerUsersInput,
  massDeleteCustomerUsersInput,
  massSetCustomerUsersEnabledInput,
  roleChoicesInput,
  setCustomerUserEnabledInput,
  updateCustomerUserInput,
} from "../../../schemas/customerUser";
import { customerUserInScope, listCustomerUsers, websiteChoices } from "../../../services/customerUsers/grid";
import {
  customerUserDeletion,
  deleteCustomerUser,
  massDeleteCustomerUsers,
  massSetCustomerUsersEnabled,
  setCustomerUserEnabled,
} from "../../../services/customerUsers/lifecycle";
import {
  confirmCustomerUser,
  forceCustomerUserPasswordReset,
  resendCustomerUserConfirmation,
  sendCustomerUserWelcome,
} from "../../../services/customerUsers/credentials";
import * as record from "../../../services/customerUsers/record";
import * as choices from "../../../services/customerUsers/choices";
import { createCustomerUser } from "../../../services/customerUsers/create";
import { updateCustomerUser } from "../../../services/customerUsers/update";
import { roleChoices } from "../../../services/roles/choices";
import { explainCustomerUser } from "../../../authz/explain";
import { z } from "zod";
import { id } from "../../../schemas/common";

/** The grid: its page and the websites of its filter (its customer filter asks customerChoices, purpose "view"). */
const grid = {
  list: staffProcedure("customerUser.view")
    .input(listCustomerUsersInput)
    .query(({ ctx, input }) => listCustomerUsers(ctx.db, ctx.actor, input)),
  websiteChoices: staffProcedure("customerUser.view").query(({ ctx }) => websiteChoices(ctx.db)),
};

/** What staff do to one user from the grid's row menu or the user's page, and to selected rows. */
const actions = {
  setEnabled: staffProcedure("customerUser.enable")
    .input(setCustomerUserEnabledInput)
    .mutation(({ ctx, input }) => setCustomerUserEnabled(ctx.db, ctx.actor, input)),
  confirm: staffProcedure("customerUser.confirm")
    .input(customerUserActionInput)
    .mutation(({ ctx, input }) => confirmCustomerUser(ctx.db, ctx.actor, input)),
  resendConfirmation: staffProcedure("customerUser.confirm")
    .input(customerUserActionInput)
    .mutation(({ ctx, input }) => resendCustomerUserConfirmation(ctx.db, ctx.actor, input)),
  resetPassword: staffProcedure("customerUser.resetPassword")
    .input(customerUserActionInput)
    .mutation(({ ctx, input }) => forceCustomerUserPasswordReset(ctx.db, ctx.actor, input)),
  sendWelcome: staffProcedure("customerUser.sendWelcome")
    .input(customerUserActionInput)
    .mutation(({ ctx, input }) => sendCustomerUserWelcome(ctx.db, ctx.actor, input)),
  /** What deleting would remove, or why it is refused: the delete dialog reads it before asking. */
  deletion: staffProcedure("customerUser.delete")
    .input(customerUserActionInput)
    .query(async ({ ctx, input }) => {
      const { user, refusal, removes } = await customerUserDeletion(ctx.db, ctx.actor, input.id);
      return { id: user.id, name: `${user.firstName} ${user.lastName}`, refusal, removes };
    }),
  delete: staffProcedure("customerUser.delete")
    .input(customerUserActionInput)
    .mutation(({ ctx, input }) => deleteCustomerUser(ctx.db, ctx.actor, input)),
  massSetEnabled: staffProcedure("customerUser.enable")
    .input(massSetCustomerUsersEnabledInput)
    .mutation(({ ctx, input }) => massSetCustomerUsersEnabled(ctx.db, ctx.actor, input)),
  massDelete: staffProcedure("customerUser.delete")
    .input(massDeleteCustomerUsersInput)
    .mutation(({ ctx, input }) => massDeleteCustomerUsers(ctx.db, ctx.actor, input)),
};

export const customerUsersRouter = createTRPCRouter({
  ...grid,
  ...actions,
  /** The user's effective permissions, each with the roles that grant it. */
  effectivePermissions: staffProcedure("customerUser.view")
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => {
      const user = await customerUserInScope(ctx.db, ctx.actor, input.id);
      return explainCustomerUser(ctx.db, user.id);
    }),
  // ------------------------------------------------- the record: view, create, edit (customerUsers/record, create, update)
  get: staffProcedure("customerUser.view")
    .input(customerUserIdInput)
    .query(({ ctx, input }) => record.getCustomerUser(ctx.db, ctx.actor, input.id)),
  consents: staffProcedure("customerUser.view")
    .input(customerUserIdInput)
    .query(({ ctx, input }) => record.customerUserConsents(ctx.db, ctx.actor, input.id)),
  /** The emails written to the user (subject, template, status, time); reading one is the mailbox's (mailbox.view). */
  emails: staffProcedure("customerUser.view")
    .input(customerUserEmailsInput)
    .query(({ ctx, input }) => record.customerUserEmails(ctx.db, ctx.actor, input)),
  /** Websites with their localizations, and the staff who can be sales representatives. */
  formOptions: staffProcedure("customerUser.view").query(({ ctx }) => choices.customerUserFormOptions(ctx.db, ctx.actor)),
  customerChoices: staffProcedure("customerUser.view")
    .input(customerChoicesInput)
    .query(({ ctx, input }) => choices.customerChoices(ctx.db, ctx.actor, input)),
  /** The predefined roles and the customer's own: what the form offers, reloaded when the customer changes. */
  roleChoices: staffProcedure("customerUser.view")
    .input(roleChoicesInput)
    .query(({ ctx, input }) => roleChoices(ctx.db, ctx.actor, input.customerId)),
  create: staffProcedure("customerUser.create")
    .input(createCustomerUserInput)
    .mutation(({ ctx, input }) => createCustomerUser(ctx.db, ctx.actor, input)),
  update: staffProcedure("customerUser.edit")
    .input(updateCustomerUserInput)
    .mutation(({ ctx, input }) => updateCustomerUser(ctx.db, ctx.actor, input)),
});

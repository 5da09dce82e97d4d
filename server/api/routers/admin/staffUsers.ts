import { createTRPCRouter, staffProcedure } from "../../trpc";
import {
  createStaffUserInput,
  listStaffUsersInput,
  setStaffUserEnabledInput,
  staffUserIdInput,
  updateStaffUserInput,
} from "../../../schemas/staffUser";
import { explainStaffMember, getStaffUser, listStaffUsers, staffRoleChoices } from "../../../services/staff/users";
import { createStaffUser, setStaffUserEnabled, updateStaffUser } from "../../../services/staff/userCommands";
import { sendStaffPasswordLink } from "../../../services/staff/passwords";

export const staffUsersRouter = createTRPCRouter({
  list: staffProcedure("staffUser.view")
    .input(listStaffUsersInput)
    .query(({ ctx, input }) => listStaffUsers(ctx.db, input)),
  get: staffProcedure("staffUser.view")
    .input(staffUserIdInput)
    .query(({ ctx, input }) => getStaffUser(ctx.db, ctx.actor, input.id)),
  /** The member's effective staff permissions, each with the roles that grant it. */
  effectivePermissions: staffProcedure("staffUser.view")
    .input(staffUserIdInput)
    .query(({ ctx, input }) => explainStaffMember(ctx.db, input.id)),
  /** The roles the staff forms offer, each saying what it grants beyond the caller. */
  roleChoices: staffProcedure("staffUser.view").query(({ ctx }) => staffRoleChoices(ctx.db, ctx.actor)),
  create: staffProcedure("staffUser.create")
    .input(createStaffUserInput)
    .mutation(({ ctx, input }) => createStaffUser(ctx.db, ctx.actor, input)),
  update: staffProcedure("staffUser.edit")
    .input(updateStaffUserInput)
    .mutation(({ ctx, input }) => updateStaffUser(ctx.db, ctx.actor, input)),
  setEnabled: staffProcedure("staffUser.edit")
    .input(setStaffUserEnabledInput)
    .mutation(({ ctx, input }) => setStaffUserEnabled(ctx.db, ctx.actor, input)),
  sendPasswordLink: staffProcedure("staffUser.edit")
    .input(staffUserIdInput)
    .mutation(({ ctx, input }) => sendStaffPasswordLink(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, staffProcedure } from "../../trpc";
import { createStaffRoleInput, listStaffRolesInput, staffRoleIdInput, updateStaffRoleInput } from "../../../schemas/staffRole";
import { createStaffRole, deleteStaffRole, getStaffRole, listStaffRoles, updateStaffRole } from "../../../services/staff/roles";

export const staffRolesRouter = createTRPCRouter({
  list: staffProcedure("staffRole.view")
    .input(listStaffRolesInput)
    .query(({ ctx, input }) => listStaffRoles(ctx.db, input)),
  get: staffProcedure("staffRole.view")
    .input(staffRoleIdInput)
    .query(({ ctx, input }) => getStaffRole(ctx.db, ctx.actor, input.id)),
  create: staffProcedure("staffRole.create")
    .input(createStaffRoleInput)
    .mutation(({ ctx, input }) => createStaffRole(ctx.db, ctx.actor, input)),
  update: staffProcedure("staffRole.edit")
    .input(updateStaffRoleInput)
    .mutation(({ ctx, input }) => updateStaffRole(ctx.db, ctx.actor, input)),
  delete: staffProcedure("staffRole.delete")
    .input(staffRoleIdInput)
    .mutation(({ ctx, input }) => deleteStaffRole(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, staffProcedure } from "../../trpc";
import {
  cloneRoleInput,
  createRoleInput,
  listRolesInput,
  roleCandidatesInput,
  roleCustomerOptionsInput,
  roleIdInput,
  roleUserIdsInput,
  roleUsersInput,
  updateRoleInput,
} from "../../../schemas/role";
import * as assignments from "../../../services/roles/assignments";
import * as commands from "../../../services/roles/commands";
import * as queries from "../../../services/roles/queries";

/** Customer user roles in the back office: predefined ones and every customer's own. */
export const customerUserRolesRouter = createTRPCRouter({
  list: staffProcedure("customerUserRole.view")
    .input(listRolesInput)
    .query(({ ctx, input }) => queries.listRoles(ctx.db, ctx.actor, input)),
  get: staffProcedure("customerUserRole.view")
    .input(roleIdInput)
    .query(({ ctx, input }) => queries.getRole(ctx.db, ctx.actor, input.id)),
  users: staffProcedure("customerUserRole.view")
    .input(roleUsersInput)
    .query(({ ctx, input }) => assignments.listRoleUsers(ctx.db, ctx.actor, input)),
  candidates: staffProcedure("customerUserRole.edit")
    .input(roleCandidatesInput)
    .query(({ ctx, input }) => assignments.listRoleCandidates(ctx.db, ctx.actor, input)),
  customerOptions: staffProcedure("customerUserRole.view")
    .input(roleCustomerOptionsInput)
    .query(({ ctx, input }) => queries.listRoleCustomerOptions(ctx.db, ctx.actor, input)),
  create: staffProcedure("customerUserRole.create")
    .input(createRoleInput)
    .mutation(({ ctx, input }) => commands.createRole(ctx.db, ctx.actor, input)),
  update: staffProcedure("customerUserRole.edit")
    .input(updateRoleInput)
    .mutation(({ ctx, input }) => commands.updateRole(ctx.db, ctx.actor, input)),
  clone: staffProcedure("customerUserRole.create")
    .input(cloneRoleInput)
    .mutation(({ ctx, input }) => commands.cloneRole(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customerUserRole.delete")
    .input(roleIdInput)
    .mutation(({ ctx, input }) => commands.deleteRole(ctx.db, ctx.actor, input)),
  addUsers: staffProcedure("customerUserRole.edit")
    .input(roleUserIdsInput)
    .mutation(({ ctx, input }) => assignments.addRoleUsers(ctx.db, ctx.actor, input)),
  removeUsers: staffProcedure("customerUserRole.edit")
    .input(roleUserIdsInput)
    .mutation(({ ctx, input }) => assignments.removeRoleUsers(ctx.db, ctx.actor, input)),
});

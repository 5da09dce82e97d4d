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
import * as roles from "../../../services/roles";

/** Customer user roles in the back office: predefined ones and every customer's own. */
export const customerUserRolesRouter = createTRPCRouter({
  list: staffProcedure("customerUserRole.view")
    .input(listRolesInput)
    .query(({ ctx, input }) => roles.listRoles(ctx.db, ctx.actor, input)),
  get: staffProcedure("customerUserRole.view")
    .input(roleIdInput)
    .query(({ ctx, input }) => roles.getRole(ctx.db, ctx.actor, input.id)),
  users: staffProcedure("customerUserRole.view")
    .input(roleUsersInput)
    .query(({ ctx, input }) => roles.listRoleUsers(ctx.db, ctx.actor, input)),
  candidates: staffProcedure("customerUserRole.edit")
    .input(roleCandidatesInput)
    .query(({ ctx, input }) => roles.listRoleCandidates(ctx.db, ctx.actor, input)),
  customerOptions: staffProcedure("customerUserRole.view")
    .input(roleCustomerOptionsInput)
    .query(({ ctx, input }) => roles.listRoleCustomerOptions(ctx.db, ctx.actor, input)),
  create: staffProcedure("customerUserRole.create")
    .input(createRoleInput)
    .mutation(({ ctx, input }) => roles.createRole(ctx.db, ctx.actor, input)),
  update: staffProcedure("customerUserRole.edit")
    .input(updateRoleInput)
    .mutation(({ ctx, input }) => roles.updateRole(ctx.db, ctx.actor, input)),
  clone: staffProcedure("customerUserRole.create")
    .input(cloneRoleInput)
    .mutation(({ ctx, input }) => roles.cloneRole(ctx.db, ctx.actor, input)),
  delete: staffProcedure("customerUserRole.delete")
    .input(roleIdInput)
    .mutation(({ ctx, input }) => roles.deleteRole(ctx.db, ctx.actor, input)),
  addUsers: staffProcedure("customerUserRole.edit")
    .input(roleUserIdsInput)
    .mutation(({ ctx, input }) => roles.addRoleUsers(ctx.db, ctx.actor, input)),
  removeUsers: staffProcedure("customerUserRole.edit")
    .input(roleUserIdsInput)
    .mutation(({ ctx, input }) => roles.removeRoleUsers(ctx.db, ctx.actor, input)),
});

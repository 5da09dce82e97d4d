import { createTRPCRouter, customerProcedure } from "../../trpc";
import {
  cloneRoleInput,
  createCompanyRoleInput,
  listRolesInput,
  roleCandidatesInput,
  roleCustomerOptionsInput,
  roleDetailOutput,
  roleIdInput,
  rolePageOutput,
  roleUserIdsInput,
  roleUsersInput,
  updateCompanyRoleInput,
} from "../../../schemas/role";
import * as assignments from "../../../services/roles/assignments";
import * as commands from "../../../services/roles/commands";
import * as queries from "../../../services/roles/queries";

/**
 * A company's roles in the storefront: the predefined roles offered to it and its own (its subsidiaries' too at
 * Corporate level), within the administrator's levels. Editing a predefined role makes a company copy.
 * Reading is also served as /api/v1/roles.
 */
const api = (path: `/${string}`, summary: string) => ({
  openapi: { method: "GET" as const, path, tags: ["Roles"], summary, protect: true },
});

export const rolesRouter = createTRPCRouter({
  list: customerProcedure("customerUserRole.view")
    .meta(
      api("/roles", "The predefined roles offered to the caller's company and the roles of the companies within their level, keyset-paged"),
    )
    .input(listRolesInput)
    .output(rolePageOutput)
    .query(({ ctx, input }) => queries.listRoles(ctx.db, ctx.actor, input)),
  get: customerProcedure("customerUserRole.view")
    .meta(api("/roles/{id}", "One role with its permissions"))
    .input(roleIdInput)
    .output(roleDetailOutput)
    .query(({ ctx, input }) => queries.getRole(ctx.db, ctx.actor, input.id)),
  users: customerProcedure("customerUserRole.view")
    .input(roleUsersInput)
    .query(({ ctx, input }) => assignments.listRoleUsers(ctx.db, ctx.actor, input)),
  candidates: customerProcedure("customerUserRole.assign")
    .input(roleCandidatesInput)
    .query(({ ctx, input }) => assignments.listRoleCandidates(ctx.db, ctx.actor, input)),
  customerOptions: customerProcedure("customerUserRole.create")
    .input(roleCustomerOptionsInput)
    .query(({ ctx, input }) => queries.listRoleCustomerOptions(ctx.db, ctx.actor, input)),
  create: customerProcedure("customerUserRole.create")
    .input(createCompanyRoleInput)
    .mutation(({ ctx, input }) => commands.createRole(ctx.db, ctx.actor, input)),
  update: customerProcedure("customerUserRole.edit")
    .input(updateCompanyRoleInput)
    .mutation(({ ctx, input }) => commands.updateRole(ctx.db, ctx.actor, input)),
  clone: customerProcedure("customerUserRole.create")
    .input(cloneRoleInput)
    .mutation(({ ctx, input }) => commands.cloneRole(ctx.db, ctx.actor, input)),
  delete: customerProcedure("customerUserRole.delete")
    .input(roleIdInput)
    .mutation(({ ctx, input }) => commands.deleteRole(ctx.db, ctx.actor, input)),
  addUsers: customerProcedure("customerUserRole.assign")
    .input(roleUserIdsInput)
    .mutation(({ ctx, input }) => assignments.addRoleUsers(ctx.db, ctx.actor, input)),
  removeUsers: customerProcedure("customerUserRole.assign")
    .input(roleUserIdsInput)
    .mutation(({ ctx, input }) => assignments.removeRoleUsers(ctx.db, ctx.actor, input)),
});

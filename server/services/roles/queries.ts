import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { exceedingCustomerGrants } from "../../authz/grants";
import type { Level } from "../../authz/permissions";
import { reaches as reachesFor } from "../../authz/reach";
import { scopeWhere, type RoleAction } from "../../authz/scope";
import type { Prisma } from "../../generated/prisma/client";
import type { listRolesInput } from "../../schemas/role";
import { visibleParents } from "../customers/paths";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort } from "../kit/keyset";
import { likeLiteral } from "../kit/filters";
import { holderScope, roleFor, roleSummarySelect } from "./rules";

/** Reading customer user roles: lists, one role, what the actor may do with each, and the role form's customers. */

/** What the actor may do with a role, for the pages (the services check again). */
export function roleAbilities(
  actor: Principal,
  role: {
    customerId: number | null;
    selfManaged: boolean;
    customer: { path: string; salesRepresentatives: readonly { staffUserId: number }[] } | null;
    permissions?: readonly { permission: string; level: Level }[];
  },
) {
  if (actor.realm === "staff") {
    const has = (action: "create" | "edit" | "delete") => actor.grants.has(`customerUserRole.${action}`);
    return { edit: has("edit"), delete: has("delete"), clone: has("create"), assign: has("edit") };
  }
  const level = (action: RoleAction) => actor.grants.get(`customerUserRole.${action}`) ?? "NONE";
  const held = (action: RoleAction) => level(action) !== "NONE";
  const target = role.customer && {
    customerId: role.customerId,
    customerPath: role.customer.path,
    ownerUserId: null,
    salesRepIds: role.customer.salesRepresentatives.map((rep) => rep.staffUserId),
  };
  const reaches = (action: RoleAction) => target !== null && reachesFor(actor, `customerUserRole.${action}`, target);
  if (role.customerId === null) {
    // Editing a predefined role makes a company copy: it takes Edit and Create.
    return { edit: held("edit") && held("create"), delete: held("delete"), clone: held("create"), assign: held("assign") };
  }
  const own = (action: RoleAction) => role.selfManaged && reaches(action);
  // A role granting more than the actor holds is not theirs to change, delete or hand out (the services say which levels).
  const within = !role.permissions || exceedingCustomerGrants(actor.grants, role.permissions).length === 0;
  return { edit: own("edit") && within, delete: own("delete") && within, clone: held("create") && within, assign: own("assign") && within };
}

export async function listRoles(db: DbClient, actor: Principal, input: z.output<typeof listRolesInput>) {
  const sort: KeysetSort = { field: input.sort, dir: input.dir, type: input.sort === "label" ? "string" : "date" };
  const where: Prisma.CustomerUserRoleWhereInput = {
    AND: [
      scopeWhere(actor, "customerUserRole.view"),
      input.label ? { label: { contains: likeLiteral(input.label), mode: "insensitive" } } : {},
      input.customer ? { customer: { name: { contains: likeLiteral(input.customer), mode: "insensitive" } } } : {},
      input.owner === "predefined" ? { customerId: null } : input.owner === "customer" ? { customerId: { not: null } } : {},
      input.selfManaged === undefined ? {} : { selfManaged: input.selfManaged },
      input.public === undefined ? {} : { public: input.public },
    ],
  };
  const [rows, count] = await Promise.all([
    db.customerUserRole.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      orderBy: keysetOrderBy(sort) as Prisma.CustomerUserRoleOrderByWithRelationInput[],
      take: input.limit + 1,
      select: { ...roleSummarySelect, _count: { select: { assignments: { where: { customerUser: holderScope(actor) } } } } },
    }),
    cappedCount((take) => db.customerUserRole.count({ where, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[input.sort]);
  return {
    ...page,
    items: page.items.map(({ _count, customer, ...row }) => ({
      ...row,
      customer: customer && { id: customer.id, name: customer.name },
      users: _count.assignments,
      can: roleAbilities(actor, { ...row, customer }),
    })),
    count,
  };
}

/** One role with its grants, how many of the users the actor sees hold it, and what the actor may do with it. */
export async function getRole(db: DbClient, actor: Principal, id: number) {
  const role = await roleFor(db, actor, id, "view");
  // A storefront edit of a predefined role moves the administrator's own company's holders to the copy.
  const movesOnEdit = actor.realm === "customer" && role.customerId === null;
  const [users, companyUsers, defaultFor] = await Promise.all([
    db.customerUserRoleAssignment.count({ where: { roleId: role.id, customerUser: holderScope(actor) } }),
    movesOnEdit
      ? db.customerUserRoleAssignment.count({ where: { roleId: role.id, customerUser: { customerId: actor.customerId } } })
      : null,
    db.websiteSettings.findMany({ where: { defaultRoleId: role.id }, select: { website: { select: { name: true } } } }),
  ]);
  const { customer, ...rest } = role;
  return {
    ...rest,
    customer: customer && { id: customer.id, name: customer.name },
    users,
    /** Storefront, predefined role: how many of the administrator's company's users an edit moves to the copy. */
    companyUsers,
    defaultFor: defaultFor.map((row) => row.website.name),
    can: roleAbilities(actor, role),
  };
}
/** Customers a role may be built for, by name (a picker's options). */
export async function listRoleCustomerOptions(db: DbClient, actor: Principal, input: { search?: string }) {
  const reach = scopeWhere(actor, "customer.createRole");
  const rows = await db.customer.findMany({
    where: { AND: [reach, input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {}] },
    select: { id: true, name: true, parent: { select: { id: true, name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
  });
  return visibleParents(db, rows, scopeWhere(actor, "customer.view"));
}

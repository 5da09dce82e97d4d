import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import type { Prisma } from "../../generated/prisma/client";
import { AppError, notFound } from "../../errors";
import type { customerGroupInput, listCustomerGroupsInput, updateCustomerGroupInput } from "../../schemas/customer";
import { recordAudit } from "../audit/record";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort } from "../kit/keyset";
import { likeLiteral } from "../kit/filters";

/** Customer groups: a name customers are filed under (price lists, payment terms and the like hang off them). */

const select = { id: true, name: true, createdAt: true, updatedAt: true } as const;
type Row = Prisma.CustomerGroupGetPayload<{ select: typeof select }>;

/** Customers per group, for a page of groups (each an index range; `_count` would aggregate every customer). */
async function withCustomerCounts(db: DbClient, groups: Row[]) {
  const rows = await db.customer.groupBy({ by: ["groupId"], where: { groupId: { in: groups.map((g) => g.id) } }, _count: { _all: true } });
  const counts = new Map(rows.map((row) => [row.groupId, row._count._all]));
  return groups.map((group) => ({ ...group, customerCount: counts.get(group.id) ?? 0 }));
}

export async function listCustomerGroups(db: DbClient, input: z.output<typeof listCustomerGroupsInput>) {
  const sort: KeysetSort = { field: input.sort, dir: input.dir, type: input.sort === "name" ? "string" : "date" };
  const filter: Prisma.CustomerGroupWhereInput = input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {};
  const [rows, count] = await Promise.all([
    db.customerGroup.findMany({
      where: { AND: [filter, keysetWhere(sort, input.cursor)] },
      select,
      orderBy: keysetOrderBy(sort) as Prisma.CustomerGroupOrderByWithRelationInput[],
      take: input.limit + 1,
    }),
    cappedCount((take) => db.customerGroup.count({ where: filter, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => (sort.field === "name" ? row.name : row.createdAt));
  return { items: await withCustomerCounts(db, page.items), nextCursor: page.nextCursor, count };
}

/** Names are unique regardless of case: "Retail" and "retail" would be the same group to anyone reading a list. */
async function assertNameFree(tx: DbClient, name: string, exceptId?: number) {
  const taken = await tx.customerGroup.count({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  if (taken) throw new AppError("CONFLICT", "This name is already in use.", { fieldErrors: { name: ["This name is already in use."] } });
}

export async function createCustomerGroup(db: Db, actor: StaffPrincipal, input: z.output<typeof customerGroupInput>) {
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const group = await tx.customerGroup.create({ data: { name: input.name }, select });
    await recordAudit(tx, actor, {
      action: "customerGroup.create",
      entityType: "CustomerGroup",
      entityId: group.id,
      after: { name: group.name },
    });
    return { ...group, customerCount: 0 };
  });
}

export async function updateCustomerGroup(db: Db, actor: StaffPrincipal, input: z.output<typeof updateCustomerGroupInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.customerGroup.findUnique({ where: { id: input.id }, select });
    if (!before) throw notFound("Customer group");
    await assertNameFree(tx, input.name, before.id);
    const group = await tx.customerGroup.update({ where: { id: before.id }, data: { name: input.name }, select });
    await recordAudit(tx, actor, {
      action: "customerGroup.update",
      entityType: "CustomerGroup",
      entityId: group.id,
      before: { name: before.name },
      after: { name: group.name },
    });
    return (await withCustomerCounts(tx, [group]))[0]!;
  });
}

/** Refused while customers are filed under the group: deleting it would silently ungroup them. */
export async function deleteCustomerGroup(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    // Locked first, so a customer being filed under it meanwhile either counts below or fails (the group is gone).
    await tx.$executeRaw`SELECT 1 FROM "CustomerGroup" WHERE "id" = ${input.id} FOR UPDATE`;
    const before = await tx.customerGroup.findUnique({ where: { id: input.id }, select });
    if (!before) throw notFound("Customer group");
    const used = await tx.customer.count({ where: { groupId: before.id } });
    if (used) {
      throw new AppError(
        "BAD_REQUEST",
        `${before.name} cannot be deleted while ${used === 1 ? "1 customer is" : `${used} customers are`} in it. Move them to another group first.`,
      );
    }
    await tx.customerGroup.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "customerGroup.delete",
      entityType: "CustomerGroup",
      entityId: before.id,
      before: { name: before.name },
    });
    return { id: before.id };
  });
}

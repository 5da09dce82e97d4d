import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import type { Prisma } from "../../generated/prisma/client";
import { notFound } from "../../errors";
import { defaultsToClear, type updateAddressInput } from "../../schemas/address";
import type { customerAddressInput } from "../../schemas/customer";
import { addressSelect } from "../addresses/fields";
import { recordAudit } from "../audit/record";
import { customerInScope } from "./queries";

/**
 * A customer's address book in the back office: the same fields and rules as the storefront's (one primary, one
 * default billing and one default shipping address per customer: the newest wins), under `customer.edit` in the
 * actor's scope.
 */

const select = { ...addressSelect, customerId: true, customer: { select: { path: true } } } as const satisfies Prisma.CustomerAddressSelect;
type Row = Prisma.CustomerAddressGetPayload<{ select: typeof select }>;

function shape({ customer: _customer, customerId: _customerId, ...address }: Row) {
  return address;
}

async function addressInScope(tx: DbClient, actor: StaffPrincipal, id: number) {
  const row = await tx.customerAddress.findFirst({ where: { id, customer: scopeWhere(actor, "customer.edit") }, select });
  if (!row) throw notFound("Address");
  return row;
}

function audit(tx: DbClient, actor: StaffPrincipal, verb: string, before: Row | null, after: Row | null) {
  const row = (after ?? before)!;
  const json = (value: Row | null) => (value ? (JSON.parse(JSON.stringify(shape(value))) as Prisma.InputJsonObject) : null);
  return recordAudit(tx, actor, {
    action: `customerAddress.${verb}`,
    entityType: "CustomerAddress",
    entityId: row.id,
    customerPath: row.customer.path,
    before: json(before),
    after: json(after),
  });
}

export async function createCustomerAddress(db: Db, actor: StaffPrincipal, input: z.output<typeof customerAddressInput>) {
  const { customerId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const customer = await customerInScope(tx, actor, customerId, "customer.edit");
    const clear = defaultsToClear(fields);
    if (Object.keys(clear).length) await tx.customerAddress.updateMany({ where: { customerId: customer.id }, data: clear });
    const created = await tx.customerAddress.create({ data: { ...fields, customerId: customer.id }, select });
    await audit(tx, actor, "create", null, created);
    return shape(created);
  });
}

export async function updateCustomerAddress(db: Db, actor: StaffPrincipal, input: z.output<typeof updateAddressInput>) {
  const { id, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await addressInScope(tx, actor, id);
    const clear = defaultsToClear(fields);
    if (Object.keys(clear).length)
      await tx.customerAddress.updateMany({ where: { customerId: before.customerId, id: { not: id } }, data: clear });
    const updated = await tx.customerAddress.update({ where: { id }, data: fields, select });
    await audit(tx, actor, "update", before, updated);
    return shape(updated);
  });
}

export async function deleteCustomerAddress(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const before = await addressInScope(tx, actor, input.id);
    await tx.customerAddress.delete({ where: { id: before.id } });
    await audit(tx, actor, "delete", before, null);
    return { id: before.id };
  });
}

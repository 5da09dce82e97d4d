import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { CustomerPrincipal } from "../../authz/access";
import type { Prisma } from "../../generated/prisma/client";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import { defaultsToClear, type addressInput, type updateAddressInput } from "../../schemas/address";
import { recordAudit } from "../audit/record";
import { addressSelect, type Address } from "./fields";

/**
 * The storefront address books: a user's own (CustomerUserAddress) and their company's (CustomerAddress). Both
 * kinds have the same fields and rules, so one set of functions serves them; every query is scoped by the
 * actor's level of `<kind>.<action>`, and an address outside it is NOT_FOUND.
 */
export type AddressKind = "customerUserAddress" | "customerAddress";

type Row = Address & Record<string, unknown>;
type Where = Record<string, unknown>;

/** The two Prisma delegates share this much; typed once here instead of at every call. */
type AddressDelegate = {
  findMany(args: { where: Where; select: object; orderBy: object[] }): Promise<Row[]>;
  findFirst(args: { where: Where; select: object }): Promise<Row | null>;
  create(args: { data: Where; select: object }): Promise<Row>;
  update(args: { where: { id: number }; data: Where; select: object }): Promise<Row>;
  updateMany(args: { where: Where; data: Where }): Promise<{ count: number }>;
  delete(args: { where: { id: number } }): Promise<unknown>;
};

type OwnedBy = { customerUserId?: number; customerId?: number };
type Owner = { ownerName: string; customerPath: string; owner: OwnedBy };

const kinds = {
  customerUserAddress: {
    table: (db: DbClient) => db.customerUserAddress as unknown as AddressDelegate,
    ownerOf: (actor: CustomerPrincipal): OwnedBy => ({ customerUserId: actor.id }),
    select: { customerUserId: true, customerUser: { select: { firstName: true, lastName: true, customerPath: true } } },
    describe: (row: Row): Owner => {
      const user = row.customerUser as { firstName: string; lastName: string; customerPath: string };
      return {
        ownerName: `${user.firstName} ${user.lastName}`,
        customerPath: user.customerPath,
        owner: { customerUserId: row.customerUserId as number },
      };
    },
    entityType: "CustomerUserAddress",
  },
  customerAddress: {
    table: (db: DbClient) => db.customerAddress as unknown as AddressDelegate,
    ownerOf: (actor: CustomerPrincipal): OwnedBy => ({ customerId: actor.customerId }),
    select: { customerId: true, customer: { select: { name: true, path: true } } },
    describe: (row: Row): Owner => {
      const customer = row.customer as { name: string; path: string };
      return { ownerName: customer.name, customerPath: customer.path, owner: { customerId: row.customerId as number } };
    },
    entityType: "CustomerAddress",
  },
} as const;

const selectFor = (kind: AddressKind) => ({ ...addressSelect, ...kinds[kind].select });

/** The address fields alone, whose it is ("Bob Buyer", "Acme West"), and whether it is the actor's own. */
function shape(kind: AddressKind, row: Row, actor: CustomerPrincipal) {
  const address = Object.fromEntries(Object.keys(addressSelect).map((key) => [key, row[key]])) as Address;
  const { ownerName, owner } = kinds[kind].describe(row);
  const mine = kind === "customerUserAddress" ? owner.customerUserId === actor.id : owner.customerId === actor.customerId;
  return { ...address, ownerName, mine };
}

/**
 * The actor's own address book (or their company's addresses as far as their level reaches); `everyone` widens a
 * user address list to every colleague the level reaches.
 */
export async function listAddresses(db: DbClient, actor: CustomerPrincipal, kind: AddressKind, options: { everyone?: boolean } = {}) {
  const own = kind === "customerAddress" || options.everyone ? {} : kinds[kind].ownerOf(actor);
  const rows = await kinds[kind].table(db).findMany({
    where: { AND: [scopeWhere(actor, `${kind}.view`), own] },
    select: selectFor(kind),
    orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => shape(kind, row, actor));
}

async function findInScope(tx: DbClient, actor: CustomerPrincipal, kind: AddressKind, action: "edit" | "delete", id: number) {
  const row = await kinds[kind]
    .table(tx)
    .findFirst({ where: { AND: [{ id }, scopeWhere(actor, `${kind}.${action}`)] }, select: selectFor(kind) });
  if (!row) throw notFound("Address");
  return row;
}

/** A new address in the actor's own book (or their own company's). */
export async function createAddress(db: Db, actor: CustomerPrincipal, kind: AddressKind, input: z.output<typeof addressInput>) {
  return db.$transaction(async (tx) => {
    const table = kinds[kind].table(tx);
    const owner = kinds[kind].ownerOf(actor);
    const clear = defaultsToClear(input);
    if (Object.keys(clear).length) await table.updateMany({ where: owner, data: clear });
    const created = await table.create({ data: { ...input, ...owner }, select: selectFor(kind) });
    await audit(tx, actor, kind, "create", created, null);
    return shape(kind, created, actor);
  });
}

export async function updateAddress(db: Db, actor: CustomerPrincipal, kind: AddressKind, input: z.output<typeof updateAddressInput>) {
  const { id, ...fields } = input;
  return db.$transaction(async (tx) => {
    const table = kinds[kind].table(tx);
    const before = await findInScope(tx, actor, kind, "edit", id);
    const clear = defaultsToClear(fields);
    if (Object.keys(clear).length)
      await table.updateMany({ where: { ...kinds[kind].describe(before).owner, id: { not: id } }, data: clear });
    const updated = await table.update({ where: { id }, data: fields, select: selectFor(kind) });
    await audit(tx, actor, kind, "update", updated, before);
    return shape(kind, updated, actor);
  });
}

export async function deleteAddress(db: Db, actor: CustomerPrincipal, kind: AddressKind, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const before = await findInScope(tx, actor, kind, "delete", input.id);
    await kinds[kind].table(tx).delete({ where: { id: input.id } });
    await audit(tx, actor, kind, "delete", null, before);
    return { id: input.id };
  });
}

function audit(tx: DbClient, actor: CustomerPrincipal, kind: AddressKind, verb: string, after: Row | null, before: Row | null) {
  const row = (after ?? before)!;
  const fields = (value: Row | null) => (value ? (JSON.parse(JSON.stringify(shape(kind, value, actor))) as Prisma.InputJsonObject) : null);
  return recordAudit(tx, actor, {
    action: `${kind}.${verb}`,
    entityType: kinds[kind].entityType,
    entityId: row.id,
    customerPath: kinds[kind].describe(row).customerPath,
    subjectUserId: kinds[kind].describe(row).owner.customerUserId ?? null,
    before: fields(before),
    after: fields(after),
  });
}

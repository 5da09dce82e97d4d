import type { DbClient } from "../db";
import type { Principal } from "../authz/access";
import { scopeWhere } from "../authz/scope";
import { notFound } from "../errors";
import { recordStatuses, type ListRecordsInput } from "../schemas/records";
import { keysetWhere, newestFirst, keysetPage } from "./kit/keyset";
import { likeLiteral } from "./kit/filters";

/**
 * The records customer users create, listed within the caller's scope: their own (OWN), their customer's
 * (CUSTOMER), their customer's and its subsidiaries' (SUBTREE); staff by their customer-user permission's scope.
 * Newest first, keyset-paged by id.
 */
const owner = { select: { id: true, firstName: true, lastName: true, email: true } } as const;
const customer = { select: { id: true, name: true } } as const;

function common(input: ListRecordsInput) {
  return {
    ...keysetWhere(newestFirst, input.cursor),
    ...(input.customerUserId ? { customerUserId: input.customerUserId } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
}

function status<K extends keyof typeof recordStatuses>(kind: K, value: string | undefined) {
  return value && (recordStatuses[kind] as readonly string[]).includes(value) ? value : undefined;
}

const money = (value: { toString(): string }) => value.toString();

export async function listOrders(db: DbClient, actor: Principal, input: ListRecordsInput) {
  const rows = await db.order.findMany({
    where: {
      AND: [
        scopeWhere(actor, "order.view"),
        common(input),
        status("order", input.status) ? { status: status("order", input.status) as never } : {},
        input.search
          ? {
              OR: [
                { number: { contains: likeLiteral(input.search), mode: "insensitive" } },
                { poNumber: { contains: likeLiteral(input.search), mode: "insensitive" } },
              ],
            }
          : {},
      ],
    },
    select: {
      id: true,
      number: true,
      poNumber: true,
      status: true,
      currency: true,
      subtotal: true,
      total: true,
      createdAt: true,
      customer,
      customerUser: owner,
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(
    rows.map((r) => ({ ...r, subtotal: money(r.subtotal), total: money(r.total) })),
    input.limit,
    newestFirst,
  );
}

export async function getOrder(db: DbClient, actor: Principal, id: number) {
  const order = await db.order.findFirst({
    where: { id, ...scopeWhere(actor, "order.view") },
    select: {
      id: true,
      number: true,
      poNumber: true,
      status: true,
      currency: true,
      subtotal: true,
      total: true,
      shipBy: true,
      createdAt: true,
      updatedAt: true,
      customer,
      customerUser: owner,
    },
  });
  if (!order) throw notFound("Order");
  return { ...order, subtotal: money(order.subtotal), total: money(order.total) };
}

export async function listQuotes(db: DbClient, actor: Principal, input: ListRecordsInput) {
  const rows = await db.quote.findMany({
    where: {
      AND: [
        scopeWhere(actor, "quote.view"),
        common(input),
        status("quote", input.status) ? { status: status("quote", input.status) as never } : {},
        input.search
          ? {
              OR: [
                { number: { contains: likeLiteral(input.search), mode: "insensitive" } },
                { poNumber: { contains: likeLiteral(input.search), mode: "insensitive" } },
              ],
            }
          : {},
      ],
    },
    select: {
      id: true,
      number: true,
      poNumber: true,
      status: true,
      validUntil: true,
      currency: true,
      total: true,
      createdAt: true,
      customer,
      customerUser: owner,
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(
    rows.map((r) => ({ ...r, total: money(r.total) })),
    input.limit,
    newestFirst,
  );
}

export async function getQuote(db: DbClient, actor: Principal, id: number) {
  const quote = await db.quote.findFirst({
    where: { id, ...scopeWhere(actor, "quote.view") },
    select: {
      id: true,
      number: true,
      poNumber: true,
      status: true,
      validUntil: true,
      currency: true,
      total: true,
      createdAt: true,
      updatedAt: true,
      rfqId: true,
      customer,
      customerUser: owner,
    },
  });
  if (!quote) throw notFound("Quote");
  return { ...quote, total: money(quote.total) };
}

export async function listRfqs(db: DbClient, actor: Principal, input: ListRecordsInput) {
  const rows = await db.rfq.findMany({
    where: {
      AND: [
        scopeWhere(actor, "rfq.view"),
        common(input),
        status("rfq", input.status) ? { status: status("rfq", input.status) as never } : {},
        input.search ? { poNumber: { contains: likeLiteral(input.search), mode: "insensitive" } } : {},
      ],
    },
    select: { id: true, poNumber: true, status: true, shipUntil: true, createdAt: true, customer, customerUser: owner },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(rows, input.limit, newestFirst);
}

export async function getRfq(db: DbClient, actor: Principal, id: number) {
  const rfq = await db.rfq.findFirst({
    where: { id, ...scopeWhere(actor, "rfq.view") },
    select: {
      id: true,
      poNumber: true,
      status: true,
      note: true,
      shipUntil: true,
      createdAt: true,
      updatedAt: true,
      customer,
      customerUser: owner,
      quotes: { select: { id: true, number: true, status: true } },
    },
  });
  if (!rfq) throw notFound("Request for quote");
  return rfq;
}

export async function listShoppingLists(db: DbClient, actor: Principal, input: ListRecordsInput) {
  const rows = await db.shoppingList.findMany({
    where: {
      AND: [
        scopeWhere(actor, "shoppingList.view"),
        common(input),
        input.search ? { label: { contains: likeLiteral(input.search), mode: "insensitive" } } : {},
      ],
    },
    select: {
      id: true,
      label: true,
      isDefault: true,
      lineItemCount: true,
      currency: true,
      subtotal: true,
      createdAt: true,
      customer,
      customerUser: owner,
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return keysetPage(
    rows.map((r) => ({ ...r, subtotal: money(r.subtotal) })),
    input.limit,
    newestFirst,
  );
}

export async function getShoppingList(db: DbClient, actor: Principal, id: number) {
  const list = await db.shoppingList.findFirst({
    where: { id, ...scopeWhere(actor, "shoppingList.view") },
    select: {
      id: true,
      label: true,
      notes: true,
      isDefault: true,
      lineItemCount: true,
      currency: true,
      subtotal: true,
      createdAt: true,
      updatedAt: true,
      customer,
      customerUser: owner,
    },
  });
  if (!list) throw notFound("Shopping list");
  return { ...list, subtotal: money(list.subtotal) };
}

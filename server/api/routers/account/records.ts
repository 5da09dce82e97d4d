import { createTRPCRouter, customerProcedure } from "../../trpc";
import * as s from "../../../schemas/records";
import { pageOutput } from "../../../schemas/grid";
import * as records from "../../../services/records";

/**
 * The company's records at the level the user holds: own, customer's, or customer's and subsidiaries'.
 * Also served as /api/v1 (OAuth bearer tokens act as their customer user, through these same procedures).
 */
const api = (path: `/${string}`, tag: string, summary: string) => ({
  openapi: { method: "GET" as const, path, tags: [tag], summary, protect: true },
});

export const ordersRouter = createTRPCRouter({
  list: customerProcedure("order.view")
    .meta(api("/orders", "Orders", "Orders within the user's scope, newest first"))
    .input(s.listRecordsInput)
    .output(pageOutput(s.orderOutput))
    .query(({ ctx, input }) => records.listOrders(ctx.db, ctx.actor, input)),
  get: customerProcedure("order.view")
    .meta(api("/orders/{id}", "Orders", "One order"))
    .input(s.getRecordInput)
    .output(s.orderDetailOutput)
    .query(({ ctx, input }) => records.getOrder(ctx.db, ctx.actor, input.id)),
});

export const quotesRouter = createTRPCRouter({
  list: customerProcedure("quote.view")
    .meta(api("/quotes", "Quotes", "Quotes within the user's scope, newest first"))
    .input(s.listRecordsInput)
    .output(pageOutput(s.quoteOutput))
    .query(({ ctx, input }) => records.listQuotes(ctx.db, ctx.actor, input)),
  get: customerProcedure("quote.view")
    .meta(api("/quotes/{id}", "Quotes", "One quote"))
    .input(s.getRecordInput)
    .output(s.quoteDetailOutput)
    .query(({ ctx, input }) => records.getQuote(ctx.db, ctx.actor, input.id)),
});

export const rfqsRouter = createTRPCRouter({
  list: customerProcedure("rfq.view")
    .meta(api("/rfqs", "Requests for quote", "Requests for quote within the user's scope, newest first"))
    .input(s.listRecordsInput)
    .output(pageOutput(s.rfqOutput))
    .query(({ ctx, input }) => records.listRfqs(ctx.db, ctx.actor, input)),
  get: customerProcedure("rfq.view")
    .meta(api("/rfqs/{id}", "Requests for quote", "One request for quote"))
    .input(s.getRecordInput)
    .output(s.rfqDetailOutput)
    .query(({ ctx, input }) => records.getRfq(ctx.db, ctx.actor, input.id)),
});

export const shoppingListsRouter = createTRPCRouter({
  list: customerProcedure("shoppingList.view")
    .meta(api("/shopping-lists", "Shopping lists", "Shopping lists within the user's scope, newest first"))
    .input(s.listRecordsInput)
    .output(pageOutput(s.shoppingListOutput))
    .query(({ ctx, input }) => records.listShoppingLists(ctx.db, ctx.actor, input)),
  get: customerProcedure("shoppingList.view")
    .meta(api("/shopping-lists/{id}", "Shopping lists", "One shopping list"))
    .input(s.getRecordInput)
    .output(s.shoppingListDetailOutput)
    .query(({ ctx, input }) => records.getShoppingList(ctx.db, ctx.actor, input.id)),
});

import { createTRPCRouter, customerProcedure } from "../../trpc";
import { getRecordInput, listRecordsInput } from "../../../schemas/records";
import * as records from "../../../services/records";

/** The company's records at the level the user holds: own, customer's, or customer's and subsidiaries'. */
export const ordersRouter = createTRPCRouter({
  list: customerProcedure("order.view").input(listRecordsInput).query(({ ctx, input }) => records.listOrders(ctx.db, ctx.actor, input)),
  get: customerProcedure("order.view").input(getRecordInput).query(({ ctx, input }) => records.getOrder(ctx.db, ctx.actor, input.id)),
});

export const quotesRouter = createTRPCRouter({
  list: customerProcedure("quote.view").input(listRecordsInput).query(({ ctx, input }) => records.listQuotes(ctx.db, ctx.actor, input)),
  get: customerProcedure("quote.view").input(getRecordInput).query(({ ctx, input }) => records.getQuote(ctx.db, ctx.actor, input.id)),
});

export const rfqsRouter = createTRPCRouter({
  list: customerProcedure("rfq.view").input(listRecordsInput).query(({ ctx, input }) => records.listRfqs(ctx.db, ctx.actor, input)),
  get: customerProcedure("rfq.view").input(getRecordInput).query(({ ctx, input }) => records.getRfq(ctx.db, ctx.actor, input.id)),
});

export const shoppingListsRouter = createTRPCRouter({
  list: customerProcedure("shoppingList.view").input(listRecordsInput).query(({ ctx, input }) => records.listShoppingLists(ctx.db, ctx.actor, input)),
  get: customerProcedure("shoppingList.view").input(getRecordInput).query(({ ctx, input }) => records.getShoppingList(ctx.db, ctx.actor, input.id)),
});

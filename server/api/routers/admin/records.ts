import { createTRPCRouter, staffProcedure } from "../../trpc";
import { listRecordsInput } from "../../../schemas/records";
import * as records from "../../../services/records";

/**
 * The records customer users create, for the back office: the same services as the storefront's lists, scoped by
 * the staff member's customer-user permission (a sales manager: the customers they represent).
 */
export const adminRecordsRouter = createTRPCRouter({
  orders: staffProcedure("customerUser.view")
    .input(listRecordsInput)
    .query(({ ctx, input }) => records.listOrders(ctx.db, ctx.actor, input)),
  quotes: staffProcedure("customerUser.view")
    .input(listRecordsInput)
    .query(({ ctx, input }) => records.listQuotes(ctx.db, ctx.actor, input)),
  rfqs: staffProcedure("customerUser.view")
    .input(listRecordsInput)
    .query(({ ctx, input }) => records.listRfqs(ctx.db, ctx.actor, input)),
  shoppingLists: staffProcedure("customerUser.view")
    .input(listRecordsInput)
    .query(({ ctx, input }) => records.listShoppingLists(ctx.db, ctx.actor, input)),
});

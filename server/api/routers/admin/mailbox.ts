import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../../trpc";
import { id, pageSize } from "../../../schemas/common";
import { getMailboxMessage, listMailbox } from "../../../services/mailbox";

export const mailboxRouter = createTRPCRouter({
  list: staffProcedure("mailbox.view")
    .input(z.object({ before: id.optional(), limit: pageSize, to: z.string().trim().max(254).optional(), customerUserId: id.optional() }))
    .query(({ ctx, input }) => listMailbox(ctx.db, input)),
  get: staffProcedure("mailbox.view")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getMailboxMessage(ctx.db, input.id)),
});

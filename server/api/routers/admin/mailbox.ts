import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../../trpc";
import { id } from "../../../schemas/common";
import { listMailboxInput } from "../../../schemas/mailbox";
import { getMailboxMessage, listMailbox } from "../../../services/mailbox";

export const mailboxRouter = createTRPCRouter({
  list: staffProcedure("mailbox.view")
    .input(listMailboxInput)
    .query(({ ctx, input }) => listMailbox(ctx.db, input)),
  get: staffProcedure("mailbox.view")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getMailboxMessage(ctx.db, input.id)),
});

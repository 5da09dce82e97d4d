import { createTRPCRouter, customerProcedure, SIGNED_IN } from "../../trpc";
import { consentIdInput } from "../../../schemas/consent";
import { acceptConsent, listConsents, withdrawConsent } from "../../../services/account/consents";

/** One's own consents: personal, so no role decides them. */
export const consentsRouter = createTRPCRouter({
  list: customerProcedure(SIGNED_IN).query(({ ctx }) => listConsents(ctx.db, ctx.actor)),
  accept: customerProcedure(SIGNED_IN)
    .input(consentIdInput)
    .mutation(({ ctx, input }) => acceptConsent(ctx.db, ctx.actor, input)),
  withdraw: customerProcedure(SIGNED_IN)
    .input(consentIdInput)
    .mutation(({ ctx, input }) => withdrawConsent(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, staffProcedure } from "../../trpc";
import { eraseCustomerUserInput, exportPersonalDataInput } from "../../../schemas/privacy";
import { eraseCustomerUser, exportPersonalData } from "../../../services/customerUsers/privacy";

export const privacyRouter = createTRPCRouter({
  export: staffProcedure("customerUser.privacy")
    .input(exportPersonalDataInput)
    .query(({ ctx, input }) => exportPersonalData(ctx.db, ctx.actor, input.id)),
  erase: staffProcedure("customerUser.privacy")
    .input(eraseCustomerUserInput)
    .mutation(({ ctx, input }) => eraseCustomerUser(ctx.db, ctx.actor, input)),
});

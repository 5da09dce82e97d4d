import { createTRPCRouter, publicProcedure } from "../../trpc";
import { setStaffPasswordInput, staffPasswordLinkInput } from "../../../schemas/staffUser";
import { checkStaffPasswordLink, setStaffPassword } from "../../../services/staff/passwords";

/** The back office's set-password link (sent when an account is created, or again by a colleague). */
export const staffPasswordRouter = createTRPCRouter({
  checkLink: publicProcedure.input(staffPasswordLinkInput).query(({ ctx, input }) => checkStaffPasswordLink(ctx.db, input.token)),
  setPassword: publicProcedure.input(setStaffPasswordInput).mutation(({ ctx, input }) => setStaffPassword(ctx.db, input)),
});

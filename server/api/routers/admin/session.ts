import { createTRPCRouter, staffProcedure, SIGNED_IN } from "../../trpc";
import { staffSession } from "../../../authz/abilities";
import { explainStaffUser } from "../../../authz/explain";
import { endAllSessions } from "../../../services/identity/sessions";

export const staffSessionRouter = createTRPCRouter({
  /** Who is signed in, what each screen may offer them (`can`), how far their lists reach, and their menu. */
  me: staffProcedure(SIGNED_IN).query(({ ctx }) => staffSession(ctx.actor)),
  permissions: staffProcedure(SIGNED_IN).query(({ ctx }) => explainStaffUser(ctx.db, ctx.actor.id)),
  /** Ends every session of the staff member, in every browser (this one too: the page signs it out). */
  signOutEverywhere: staffProcedure(SIGNED_IN).mutation(async ({ ctx }) => {
    await endAllSessions(ctx.db, "staff", ctx.actor.id);
    return { signedOut: true };
  }),
});

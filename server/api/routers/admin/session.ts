import { createTRPCRouter, staffProcedure, SIGNED_IN } from "../../trpc";
import { explainStaffUser } from "../../../authz/explain";
import { endAllSessions } from "../../../services/identity/sessions";

export const staffSessionRouter = createTRPCRouter({
  /** Who is signed in, and which staff permissions they hold (navigation shows only what they may use). */
  me: staffProcedure(SIGNED_IN).query(({ ctx }) => ({
    id: ctx.actor.id,
    email: ctx.actor.email,
    firstName: ctx.actor.firstName,
    lastName: ctx.actor.lastName,
    permissions: [...ctx.actor.grants.entries()].map(([key, scope]) => ({ key, scope })),
  })),
  permissions: staffProcedure(SIGNED_IN).query(({ ctx }) => explainStaffUser(ctx.db, ctx.actor.id)),
  /** Ends every session of the staff member, in every browser (this one too: the page signs it out). */
  signOutEverywhere: staffProcedure(SIGNED_IN).mutation(async ({ ctx }) => {
    await endAllSessions(ctx.db, "staff", ctx.actor.id);
    return { signedOut: true };
  }),
});

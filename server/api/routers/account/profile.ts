import { createTRPCRouter, customerProcedure, SIGNED_IN } from "../../trpc";
import { changeEmailInput, changePasswordInput, updateProfileInput } from "../../../schemas/profile";
import { cancelEmailChange, getProfile, requestEmailChange, updateProfile } from "../../../services/account/profile";
import { changePassword } from "../../../services/identity/passwords";
import { endAllSessions } from "../../../services/identity/sessions";
import { assertNotImpersonating } from "../../../services/customerUsers/impersonation";

export const profileRouter = createTRPCRouter({
  /** One's own profile; everyone may read it, `canEdit` says whether their roles let them change it. */
  get: customerProcedure(SIGNED_IN).query(({ ctx }) => getProfile(ctx.db, ctx.actor)),
  update: customerProcedure("profile.update")
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  changeEmail: customerProcedure("profile.update")
    .input(changeEmailInput)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, ctx.actor, input)),
  cancelEmailChange: customerProcedure("profile.update").mutation(({ ctx }) => cancelEmailChange(ctx.db, ctx.actor)),
  /** Anyone may change their own password (it is their credential, not profile data); every session ends. */
  changePassword: customerProcedure(SIGNED_IN)
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
  /** Ends every session of the user, in every browser (this one too: the page signs it out). */
  signOutEverywhere: customerProcedure(SIGNED_IN).mutation(async ({ ctx }) => {
    assertNotImpersonating(ctx.actor, "sign out of every device");
    await endAllSessions(ctx.db, "customer", ctx.actor.id);
    return { signedOut: true };
  }),
});

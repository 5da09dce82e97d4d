import { createTRPCRouter, publicProcedure, type Context } from "../../trpc";
import { clientIp } from "../../../http";
import { emailInput, registerInput, resetPasswordInput, tokenInput } from "../../../schemas/identity";
import { confirmEmail, registerCustomerUser, registrationOptions, resendConfirmation } from "../../../services/identity/registration";
import { checkPasswordLink, requestPasswordReset, resetPassword } from "../../../services/identity/passwords";
import { confirmEmailChange } from "../../../services/account/profile";
import { linkTarget } from "../../../services/identity/tokens";
import { requestSignInLink } from "../../../services/identity/signInLinks";

const requestOf = (ctx: Context) => ({ ip: clientIp(ctx.headers), defer: ctx.defer });

/**
 * The public side of identity: registration, email confirmation, forgotten passwords, email-change links. Nothing
 * here says whether an address has an account; a link (a one-time token) is the only key to an account.
 */
export const identityRouter = createTRPCRouter({
  registrationOptions: publicProcedure.query(({ ctx }) => registrationOptions(ctx.db)),
  register: publicProcedure.input(registerInput).mutation(({ ctx, input }) => registerCustomerUser(ctx.db, input, requestOf(ctx))),

  checkConfirmationLink: publicProcedure.input(tokenInput).query(({ ctx, input }) => linkTarget(ctx.db, "EMAIL_CONFIRMATION", input.token)),
  /** Returns a sign-in ticket when the website signs users in after registration: only the link's holder gets it. */
  confirmEmail: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => confirmEmail(ctx.db, input.token)),
  resendConfirmation: publicProcedure.input(emailInput).mutation(async ({ ctx, input }) => {
    await resendConfirmation(ctx.db, input.email, requestOf(ctx));
    return { sent: true };
  }),

  requestPasswordReset: publicProcedure.input(emailInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, input.email, requestOf(ctx));
    return { sent: true };
  }),
  checkPasswordLink: publicProcedure.input(tokenInput).query(({ ctx, input }) => checkPasswordLink(ctx.db, input.token)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.db, input)),

  /** A one-time sign-in link by email: how the owner gets in while password sign-in is held (signInLimits.ts). */
  requestSignInLink: publicProcedure.input(emailInput).mutation(async ({ ctx, input }) => {
    await requestSignInLink(ctx.db, input.email, requestOf(ctx));
    return { sent: true };
  }),
  checkSignInLink: publicProcedure.input(tokenInput).query(({ ctx, input }) => linkTarget(ctx.db, "SIGN_IN", input.token)),

  checkEmailChangeLink: publicProcedure.input(tokenInput).query(({ ctx, input }) => linkTarget(ctx.db, "EMAIL_CHANGE", input.token)),
  confirmEmailChange: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => confirmEmailChange(ctx.db, input.token)),
});

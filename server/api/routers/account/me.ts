import { createTRPCRouter, customerProcedure, SIGNED_IN } from "../../trpc";
import { customerSession } from "../../../authz/abilities";
import { explainCustomerUser } from "../../../authz/explain";
import { getAccountHome } from "../../../services/account/home";
import { meOutput } from "../../../schemas/me";

export const meRouter = createTRPCRouter({
  /** The signed-in user, their customer and roles. */
  get: customerProcedure(SIGNED_IN)
    .meta({ openapi: { method: "GET", path: "/me", tags: ["Profile"], summary: "The customer user the token acts for", protect: true } })
    .output(meOutput)
    .query(({ ctx }) => getAccountHome(ctx.db, ctx.actor)),
  /** For the account pages (not in the REST API): who is signed in, what each screen may offer them, their menu. */
  session: customerProcedure(SIGNED_IN).query(({ ctx }) => customerSession(ctx.actor)),
  /** Every permission with the level held and the roles that grant it. */
  permissions: customerProcedure(SIGNED_IN).query(({ ctx }) => explainCustomerUser(ctx.db, ctx.actor.id)),
});

import { createTRPCRouter, customerProcedure, SIGNED_IN } from "../../trpc";
import { exportPersonalData } from "../../../services/customerUsers/privacy";

/** Every user may download what Roster holds about them. */
export const myDataRouter = createTRPCRouter({
  export: customerProcedure(SIGNED_IN).query(({ ctx }) => exportPersonalData(ctx.db, ctx.actor, ctx.actor.id)),
});

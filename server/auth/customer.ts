import "server-only";
import { signInCustomerUser, signInCustomerWithTicket } from "../services/identity/signIn";
import { signInWithImpersonationTicket } from "../services/customerUsers/impersonation";
import { createRealmAuth } from "./realm";

export const {
  handlers: customerHandlers,
  auth: customerAuth,
  signIn: customerSignIn,
  signOut: customerSignOut,
} = createRealmAuth("customer", {
  signInPage: "/login",
  verify: signInCustomerUser,
  tickets: { ticket: signInCustomerWithTicket, impersonation: signInWithImpersonationTicket },
});

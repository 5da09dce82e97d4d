import "server-only";
import { signInStaffUser } from "../services/identity/signIn";
import { createRealmAuth } from "./realm";

export const {
  handlers: staffHandlers,
  auth: staffAuth,
  signIn: staffSignIn,
  signOut: staffSignOut,
} = createRealmAuth("staff", {
  signInPage: "/admin/login",
  verify: signInStaffUser,
});

import { confirmation, emailChangeNotice, emailChangeVerify, registrationAttempt, welcome } from "./account";
import { invitation, staffSetPassword } from "./invitations";
import { forcedPasswordReset, passwordReset, signInLink } from "./signIn";

export { locales, SECRET_MARK, toLocale, type Locale } from "./layout";

/** Every email Roster sends, by the name the outbox stores with it. */
export const templates = {
  confirmation,
  welcome,
  passwordReset,
  signInLink,
  forcedPasswordReset,
  registrationAttempt,
  emailChangeVerify,
  emailChangeNotice,
  invitation,
  staffSetPassword,
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]>[0];

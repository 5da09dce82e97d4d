import { z } from "zod";
import { email, exactText, id, optionalText, text } from "./common";
import { newPassword } from "./password";
import { personName } from "./profile";

/** Inputs of the public pages: registration, email confirmation, forgotten and new passwords. */
export const registerInput = z.object({
  /** Required when the website shows the field (see registrationProblems); otherwise the person names the company. */
  companyName: optionalText(255),
  ...personName,
  email,
  password: newPassword,
  /** The consents ticked; every active mandatory one must be among them. */
  consentIds: z.array(id).max(50).default([]),
  /** Code of the preferred localization ("en", "de"); the website's default when missing or not enabled there. */
  localization: text(20).optional(),
});
export type RegisterInput = z.input<typeof registerInput>;

export type RegistrationRules = { companyNameRequired: boolean; mandatoryConsents: { id: number; title: string }[] };

/** The rules that depend on the website's settings, shared by the form (as a refinement) and the service. */
export function registrationProblems(value: { companyName?: string | null; consentIds?: number[] }, rules: RegistrationRules) {
  const problems: Record<string, string[]> = {};
  if (rules.companyNameRequired && !value.companyName?.trim()) problems.companyName = ["Enter your company's name."];
  const missing = rules.mandatoryConsents.filter((consent) => !value.consentIds?.includes(consent.id));
  if (missing.length) problems.consentIds = [`Accept ${missing.map((c) => `“${c.title}”`).join(" and ")} to register.`];
  return problems;
}

const passwordConfirmation = exactText(128);
const matching = (value: { password: string; passwordConfirmation: string }) => value.password === value.passwordConfirmation;
const mismatch = { path: ["passwordConfirmation"], message: "The two passwords do not match." };

export function registrationForm(rules: RegistrationRules) {
  return registerInput
    .safeExtend({ passwordConfirmation })
    .refine(matching, mismatch)
    .superRefine((value, ctx) => {
      for (const [path, messages] of Object.entries(registrationProblems(value, rules))) {
        ctx.addIssue({ code: "custom", path: [path], message: messages[0]! });
      }
    });
}
export type RegistrationForm = z.input<ReturnType<typeof registrationForm>>;

export const tokenInput = z.object({ token: text(200).min(1, "The link has no token.") });

export const emailInput = z.object({ email });
export type EmailInput = z.input<typeof emailInput>;

export const resetPasswordInput = z.object({ token: tokenInput.shape.token, password: newPassword });

export const resetPasswordForm = resetPasswordInput.safeExtend({ passwordConfirmation }).refine(matching, mismatch);
export type ResetPasswordForm = z.input<typeof resetPasswordForm>;

/** Why a sign-in held back: too many failures for the account, the address or the device (server/services/identity/signInLimits.ts). */
export type Hold = "account-held" | "address-held" | "device-held";

/** Why a password sign-in was refused; the sign-in form words each (server/auth/messages.ts). */
export type SignInRefusal = "invalid" | Hold | "disabled" | "unconfirmed" | "password-reset" | "customer-disabled";

export type RegistrationOutcome = {
  /** What the visitor is told to do next; the same for a taken email as for a new one. */
  next: "confirm-email" | "sign-in";
  /** Set when the new user is to be signed in at once (no confirmation required, sign-in after registration). */
  signInTicket: string | null;
};

import { exactText } from "./common";

/** The password rules, stated next to every password field. Length over composition (NIST SP 800-63B). */
export const passwordRules = "At least 10 characters, with at least one letter and one digit.";

export const newPassword = exactText(128, "Use at most 128 characters.")
  .min(10, "Use at least 10 characters.")
  .refine((value) => /\p{L}/u.test(value) && /\p{N}/u.test(value), "Use at least one letter and one digit.");

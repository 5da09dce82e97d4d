import { describe, expect, it } from "vitest";
import { createCustomerUserInput } from "./customerUser";

/** A new user the schema accepts but for the password part. */
const user = (password: { generatePassword: boolean; password?: string }) => ({
  enabled: false,
  firstName: "Paula",
  lastName: "Password",
  email: "paula@example.test",
  customerId: 1,
  websiteId: null,
  roleIds: [],
  ...password,
});

const passwordMessages = (input: ReturnType<typeof user>) => {
  const result = createCustomerUserInput.safeParse(input);
  return (result.error?.issues ?? []).filter((issue) => issue.path.join(".") === "password").map((issue) => issue.message);
};

describe("the create schema's password", () => {
  // The forms hide the password field while Generate Password is selected, and the service ignores it then: a
  // password typed before ticking the box must neither block the save nor reach the service.
  it.each([
    { password: "", generate: true, messages: [] },
    { password: "short", generate: true, messages: [] },
    { password: "lettersonly", generate: true, messages: [] },
    { password: "x".repeat(200), generate: true, messages: [] },
    { password: "Typed-pass-2026", generate: true, messages: [] },
    { password: "", generate: false, messages: ["Enter a password, or select Generate Password."] },
    { password: "short1", generate: false, messages: ["Use at least 10 characters."] },
    { password: "lettersonly", generate: false, messages: ["Use at least one letter and one digit."] },
    { password: "Typed-pass-2026", generate: false, messages: [] },
  ])("checks $password only when it is used (generate: $generate)", ({ password, generate, messages }) => {
    expect(passwordMessages(user({ generatePassword: generate, password }))).toEqual(messages);
  });

  it("refuses a password over 128 characters when it is used", () => {
    expect(passwordMessages(user({ generatePassword: false, password: "Ab1".repeat(50) }))).toEqual(["Use at most 128 characters."]);
  });

  it("passes a typed password on, and leaves an empty one out", () => {
    expect(createCustomerUserInput.parse(user({ generatePassword: false, password: "Typed-pass-2026" })).password).toBe("Typed-pass-2026");
    expect(createCustomerUserInput.parse(user({ generatePassword: true, password: "" })).password).toBeUndefined();
  });
});

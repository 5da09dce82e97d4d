import { z } from "zod";
import {
  addProblems,
  day as isoDay,
  email,
  exactText,
  id,
  idOf,
  issuePath,
  optionalText,
  pageSize,
  requiredText,
  text as boundedText,
  version,
} from "./common";
import { addressInput, oneDefaultPerKind } from "./address";
import { cursor, massIds, sortInput } from "./grid";
import { newPassword } from "./password";
import { birthday, phone } from "./profile";

// ------------------------------------------------------------------------------------- grid (list)

/** The grid's sortable columns (each served by a (column, id) index; see prisma/schema.prisma). */
export const customerUserSorts = [
  "customer",
  "firstName",
  "lastName",
  "email",
  "enabled",
  "confirmed",
  "authStatus",
  "website",
  "createdAt",
  "lastLoginAt",
] as const;
export type CustomerUserSort = (typeof customerUserSorts)[number];

/** The values of the AuthStatus enum (schemas import nothing from the server; the service checks they agree). */
export const authStatuses = ["ACTIVE", "RESET"] as const;
export const authStatusLabels: Record<(typeof authStatuses)[number], string> = { ACTIVE: "Active", RESET: "Reset" };

/** How a text filter matches: anywhere in the value, or at its start (which an index serves best). */
export const textMatches = ["contains", "startsWith"] as const;
export type TextMatch = (typeof textMatches)[number];

const text = boundedText(100);
const day = isoDay();
const ordered = (from: string, to: string) => (value: Record<string, unknown>) =>
  !value[from] || !value[to] || (value[from] as string) <= (value[to] as string);

export const listCustomerUsersInput = z
  .object({
    ...sortInput(customerUserSorts, "createdAt", "desc"),
    cursor,
    limit: pageSize,
    /** Free text over first name, last name and email: every word must appear in one of them. */
    search: text.optional(),
    customerId: id.optional(),
    /** With customerId: the customer's subsidiaries (at any depth) too. */
    includeSubsidiaries: z.boolean().default(false),
    enabled: z.boolean().optional(),
    confirmed: z.boolean().optional(),
    authStatus: z.enum(authStatuses).optional(),
    websiteId: id.optional(),
    firstName: text.optional(),
    firstNameMatch: z.enum(textMatches).default("contains"),
    lastName: text.optional(),
    lastNameMatch: z.enum(textMatches).default("contains"),
    email: text.optional(),
    emailMatch: z.enum(textMatches).default("contains"),
    /** Inclusive days (UTC). */
    createdFrom: day.optional(),
    createdTo: day.optional(),
    lastLoginFrom: day.optional(),
    lastLoginTo: day.optional(),
  })
  .refine(ordered("createdFrom", "createdTo"), { path: ["createdTo"], message: "The end date is before the start date." })
  .refine(ordered("lastLoginFrom", "lastLoginTo"), { path: ["lastLoginTo"], message: "The end date is before the start date." });
export type ListCustomerUsersInput = z.input<typeof listCustomerUsersInput>;

// ---------------------------------------------------------------------------------------- actions

export const setCustomerUserEnabledInput = z.object({
  id,
  enabled: z.boolean(),
});

/** One user: confirm, resend the confirmation, force a password reset, send the welcome email, delete. */
export const customerUserActionInput = z.object({ id });

export const massSetCustomerUsersEnabledInput = z.object({ ids: massIds, enabled: z.boolean() });
export const massDeleteCustomerUsersInput = z.object({ ids: massIds });

// -------------------------------------------------------------------- the record: create, edit, view
// Shared by the back office's create/edit form and, later, the storefront's /account/users (realm-generic
// services in server/services/customerUserRecord.ts).

/** The reference product's wording, shown next to the roles when an enabled user has none. */
export const enabledWithoutRoleMessage = "At least one role must be assigned if the Enabled check box is selected.";

/** An address of the user's address book as the form sends it: with its id when it exists already. */
export const customerUserAddressInput = addressInput.safeExtend({ id: id.optional() });
export type CustomerUserAddressInput = z.input<typeof customerUserAddressInput>;

/** The user's address book, at most 20 addresses. */
const addressBook = z.array(customerUserAddressInput).max(20, "At most 20 addresses.");

/** A subsidiary created in place, under a customer the actor may add subsidiaries to. */
export const newSubsidiaryInput = z.object({
  name: requiredText(255, "Name the new customer."),
  parentId: idOf("Choose the parent customer."),
});

const recordFields = z.object({
  /** Enabled users may sign in; they must hold at least one role. */
  enabled: z.boolean(),
  namePrefix: optionalText(50),
  firstName: requiredText(255, "Enter the first name."),
  middleName: optionalText(255),
  lastName: requiredText(255, "Enter the last name."),
  nameSuffix: optionalText(50),
  email,
  birthday,
  phone,
  /** The customer the user represents; null when `newCustomer` creates one. */
  customerId: id.nullable(),
  newCustomer: newSubsidiaryInput.nullable().default(null),
  /** Staff users assisting this user; left out: the customer's (on create) or unchanged (on edit). Staff only. */
  salesRepresentativeIds: z.array(id).max(50, "Choose at most 50 sales representatives.").optional(),
  /** The website the user is sent to after signing in. */
  websiteId: id.nullable(),
  /** Preferred localization on that website; required when the website has more than one. */
  localizationId: id.nullable().default(null),
  roleIds: z.array(id).max(50, "Choose at most 50 roles."),
});

/** The rules of the record that need no database, shared by the form (as a refinement) and the services. */
export function customerUserRecordProblems(value: {
  enabled?: boolean;
  roleIds?: number[];
  customerId?: number | null;
  newCustomer?: unknown;
  addresses?: { isPrimary?: boolean; isDefaultBilling?: boolean; isDefaultShipping?: boolean }[];
}) {
  const problems: Record<string, string[]> = {};
  if (value.enabled && !value.roleIds?.length) problems.roleIds = [enabledWithoutRoleMessage];
  if (!value.newCustomer && !value.customerId) problems.customerId = ["Choose the customer this user represents."];
  return { ...problems, ...oneDefaultPerKind(value.addresses ?? []) };
}

const structural = (value: z.output<typeof recordFields> & { addresses?: z.output<typeof addressBook> }, ctx: z.RefinementCtx) => {
  // The roles rule is a domain rule with its own message from the service (see assertEnabledHasRole); the form
  // adds it as a refinement so it shows before the round trip.
  const { roleIds: _roles, ...problems } = customerUserRecordProblems(value);
  if (value.customerId && value.newCustomer) problems.customerId = ["Choose an existing customer or create a new one, not both."];
  addProblems(ctx, problems);
};

export { issuePath };

export const createCustomerUserInput = recordFields
  .safeExtend({
    /** Generate Password: the user chooses their own from the welcome email's link; nobody sees a generated one. */
    generatePassword: z.boolean().default(false),
    /**
     * Required unless a password is generated, and checked only then: a password typed before choosing Generate
     * Password is hidden by the form and ignored by the service, so it must not block the save either. The field
     * itself only bounds the payload, far beyond the rules' 128 characters.
     */
    password: exactText(1024)
      .optional()
      .transform((value) => value || undefined),
    /** Send Welcome Email: a sign-in link, or with a generated password a single-use link to choose one. */
    sendWelcomeEmail: z.boolean().default(false),
    addresses: addressBook.default([]),
  })
  .superRefine((value, ctx) => {
    structural(value, ctx);
    if (value.generatePassword) return;
    if (!value.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Enter a password, or select Generate Password." });
      return;
    }
    for (const issue of newPassword.safeParse(value.password).error?.issues ?? []) {
      ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
    }
  });
export type CreateCustomerUserInput = z.input<typeof createCustomerUserInput>;

export const updateCustomerUserInput = recordFields
  .safeExtend({
    id,
    /** The version the form was loaded with: a save over a newer change is refused (optimistic locking). */
    version,
    /** The whole address book as it should be; left out, the address book stays as it is (API clients, the storefront). */
    addresses: addressBook.optional(),
  })
  .superRefine(structural);
export type UpdateCustomerUserInput = z.input<typeof updateCustomerUserInput>;

export const customerUserIdInput = z.object({ id });

/** A page of one user's emails (newest first); `cursor` is the id of the last one of the page before. */
export const customerUserEmailsInput = z.object({ id, cursor, limit: pageSize });

/**
 * Who may be picked as the user's customer: for a new user, for moving an existing one, or as a new subsidiary's
 * parent; "view": the customers whose users the actor sees (a list's customer filter).
 */
export const customerPurposes = ["create", "edit", "subsidiary", "view"] as const;
export const customerChoicesInput = z.object({
  search: text.default(""),
  purpose: z.enum(customerPurposes).default("create"),
  /** That one customer, if the purpose allows it: the name of a customer chosen already (a filter from the URL). */
  id: id.optional(),
});

/** Roles offered for a customer's users (null: a customer not created yet, which has predefined roles only). */
export const roleChoicesInput = z.object({ customerId: id.nullable() });

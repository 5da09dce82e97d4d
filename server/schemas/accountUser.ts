import { z } from "zod";
import { id, pageSize, text } from "./common";
import { addressOutput } from "./address";
import { cursor, countedPageOutput, massIds, sortInput } from "./grid";
import { meOutput } from "./me";

/**
 * The storefront's user management (/account/users, and /api/v1/users): a customer's administrator manages the
 * users their level reaches. The record itself (create, edit) uses the schemas of ./customerUser.ts.
 */

export const accountUserSorts = ["name", "email", "customer", "created"] as const;
export type AccountUserSort = (typeof accountUserSorts)[number];

/** Whether the user can sign in with a password: set and active, a reset is required, or none chosen yet. */
export const passwordStatuses = ["ACTIVE", "RESET", "NONE"] as const;
export type PasswordStatus = (typeof passwordStatuses)[number];
export const passwordStatusLabels: Record<PasswordStatus, string> = { ACTIVE: "Active", RESET: "Reset required", NONE: "Not set yet" };

export function passwordStatusOf(user: { authStatus: string; hasPassword: boolean }): PasswordStatus {
  if (user.authStatus === "RESET") return "RESET";
  return user.hasPassword ? "ACTIVE" : "NONE";
}

export const listAccountUsersInput = z.object({
  ...sortInput(accountUserSorts, "name"),
  cursor,
  limit: pageSize,
  /** Name or email contains. */
  search: text(100).optional(),
  /** One customer within reach (another one lists nothing). */
  customerId: id.optional(),
  enabled: z.boolean().optional(),
  confirmed: z.boolean().optional(),
  passwordStatus: z.enum(passwordStatuses).optional(),
  /** Users holding this role. */
  roleId: id.optional(),
});
export type ListAccountUsersInput = z.input<typeof listAccountUsersInput>;

export const massSetEnabledInput = z.object({ ids: massIds, enabled: z.boolean() });
export const massDeleteInput = z.object({ ids: massIds });

// ------------------------------------------------------------------ outputs (documented by the /api/v1 OpenAPI)

const roleRef = z.object({ id: z.number(), label: z.string() });
const customerRef = z.object({ id: z.number(), name: z.string() });

export const accountUserRowOutput = z.object({
  id: z.number(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  enabled: z.boolean(),
  confirmed: z.boolean(),
  passwordStatus: z.enum(passwordStatuses),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
  customer: customerRef,
  roles: z.array(roleRef),
});

export const accountUserPageOutput = countedPageOutput(accountUserRowOutput);

/** One user as the storefront and the API see them: no staff-side fields (owner, sales representatives). */
export const accountUserOutput = z.object({
  ...meOutput.pick({
    id: true,
    email: true,
    namePrefix: true,
    firstName: true,
    middleName: true,
    lastName: true,
    nameSuffix: true,
    lastLoginAt: true,
  }).shape,
  version: z.number().describe("Send it back with an update: a save over a newer change is refused (409)"),
  birthday: z.string().nullable().describe("YYYY-MM-DD"),
  phone: z.string().nullable(),
  enabled: z.boolean(),
  confirmedAt: z.date().nullable(),
  authStatus: z.enum(["ACTIVE", "RESET"]),
  hasPassword: z.boolean().describe("False until the user has chosen a password (from a welcome email or an invitation)"),
  erasedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  loginCount: z.number(),
  websiteId: z.number().nullable(),
  customer: z.object({ id: z.number(), name: z.string(), enabled: z.boolean(), parent: customerRef.nullable() }),
  localization: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  roles: z.array(roleRef.extend({ customerId: z.number().nullable() })),
  addresses: z.array(addressOutput),
});

export const savedUserOutput = z.object({ id: z.number(), version: z.number().optional() });

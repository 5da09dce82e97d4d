import { z } from "zod";
import { id, pageSize } from "./common";
import { cursor, massIds, sortInput } from "./grid";

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

const text = z.string().trim().max(100, "At most 100 characters.");
const day = z.iso.date("Enter a valid date.");
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

/** Customers to pick from in the grid's customer filter, by name (or the one with `id`, to show its name). */
export const customerChoicesInput = z.object({
  search: text.default(""),
  id: id.optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

// ---------------------------------------------------------------------------------------- actions

export const setCustomerUserEnabledInput = z.object({
  id,
  enabled: z.boolean(),
});

/** One user: confirm, resend the confirmation, force a password reset, send the welcome email, delete. */
export const customerUserActionInput = z.object({ id });

export const massSetCustomerUsersEnabledInput = z.object({ ids: massIds, enabled: z.boolean() });
export const massDeleteCustomerUsersInput = z.object({ ids: massIds });

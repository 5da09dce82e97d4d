import { z } from "zod";
import { customerPermissionIndex, levelShortLabels, type Level } from "../authz/permissions";
import { exactText, id, pageSize, text, version } from "./common";
import { cursor, countedPageOutput, sortInput } from "./grid";

/**
 * Customer user roles, for the back office and the storefront. The permission rows are checked against the
 * catalogue here (it is isomorphic), so the role editor in the browser and the procedures refuse the same rows.
 */

export const accessLevels = ["NONE", "OWN", "CUSTOMER", "SUBTREE", "GRANTED"] as const satisfies readonly Level[];

export const roleLabel = text(32, "A role's label has 3 to 32 characters.").min(3, "A role's label has 3 to 32 characters.");

export type RolePermissionRow = { permission: string; level: Level };

/** Grant rows of a role: known permissions, each once, at a level its entity takes. NONE rows are allowed (and dropped). */
export const rolePermissions = z
  .array(z.object({ permission: exactText(100), level: z.enum(accessLevels) }))
  .max(200)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    for (const row of rows) {
      const info = customerPermissionIndex.get(row.permission);
      if (!info) {
        ctx.addIssue({ code: "custom", message: `"${row.permission}" is not a permission.` });
      } else if (!info.levels.includes(row.level)) {
        const allowed = info.levels.map((level) => levelShortLabels[level]).join(", ");
        ctx.addIssue({ code: "custom", message: `"${info.label}" cannot be ${levelShortLabels[row.level]}; it takes ${allowed}.` });
      } else if (seen.has(row.permission)) {
        ctx.addIssue({ code: "custom", message: `"${info.label}" is listed twice.` });
      }
      seen.add(row.permission);
    }
  });

const roleFields = {
  label: roleLabel,
  /** Null: a predefined role, available to every customer (staff only). */
  customerId: id.nullable(),
  /** Customer administrators may change and assign it in the storefront. */
  selfManaged: z.boolean(),
  /** A predefined role every customer's administrators may see and assign. */
  public: z.boolean(),
  permissions: rolePermissions,
};

export const createRoleInput = z.object(roleFields);
export type CreateRoleInput = z.input<typeof createRoleInput>;

export const updateRoleInput = z.object({ id, version, ...roleFields });
export type UpdateRoleInput = z.input<typeof updateRoleInput>;

/**
 * The storefront's role form: no flags (company roles are always self-managed), and the customer defaults to the
 * administrator's own.
 */
export const createCompanyRoleInput = createRoleInput.omit({ selfManaged: true, public: true }).extend({ customerId: id.optional() });
export type CreateCompanyRoleInput = z.input<typeof createCompanyRoleInput>;
export const updateCompanyRoleInput = updateRoleInput.omit({ selfManaged: true, public: true, customerId: true });
export type UpdateCompanyRoleInput = z.input<typeof updateCompanyRoleInput>;

export const cloneRoleInput = z.object({ id, label: roleLabel, customerId: id.nullable().optional() });
export type CloneRoleInput = z.input<typeof cloneRoleInput>;

export const roleIdInput = z.object({ id });

export const roleSortKeys = ["label", "createdAt"] as const;
export const roleOwners = ["predefined", "customer"] as const;

export const listRolesInput = z.object({
  ...sortInput(roleSortKeys, "label"),
  cursor,
  limit: pageSize,
  /** Part of the label. */
  label: text(32).optional(),
  /** Part of the owning customer's name. */
  customer: text(100).optional(),
  owner: z.enum(roleOwners).optional(),
  selfManaged: z.boolean().optional(),
  public: z.boolean().optional(),
});
export type ListRolesInput = z.input<typeof listRolesInput>;

export const roleUsersInput = z.object({
  roleId: id,
  cursor,
  limit: pageSize,
  /** Part of the name or email. */
  search: text(100).optional(),
});

export const roleCandidatesInput = z.object({ roleId: id, search: text(100).optional() });

export const roleUserIdsInput = z.object({
  roleId: id,
  userIds: z.array(id).min(1, "Choose at least one user.").max(100, "At most 100 users at once."),
});

export const roleCustomerOptionsInput = z.object({ search: text(100).optional() });

// ------------------------------------------------------------------ outputs (documented by the /api/v1 OpenAPI)

const roleAbilitiesOutput = z
  .object({ edit: z.boolean(), delete: z.boolean(), clone: z.boolean(), assign: z.boolean() })
  .describe("What the caller may do with the role");

export const roleRowOutput = z.object({
  id: z.number(),
  code: z.string(),
  label: z.string(),
  customerId: z.number().nullable().describe("Null: a predefined role offered to every customer"),
  selfManaged: z.boolean(),
  public: z.boolean(),
  createdAt: z.date(),
  customer: z.object({ id: z.number(), name: z.string() }).nullable(),
  sourceRole: z.object({ id: z.number(), label: z.string() }).nullable().describe("The role this one was copied from"),
  users: z.number().describe("How many of the users the caller sees hold the role"),
  can: roleAbilitiesOutput,
});

export const rolePageOutput = countedPageOutput(roleRowOutput);

export const roleDetailOutput = roleRowOutput.extend({
  version: z.number(),
  updatedAt: z.date(),
  permissions: z.array(z.object({ permission: z.string(), level: z.enum(accessLevels) })),
  companyUsers: z
    .number()
    .nullable()
    .describe("A predefined role: how many of the caller's company's users an edit moves to the company's copy"),
  defaultFor: z.array(z.string()).describe("The websites that give the role to users who register"),
});

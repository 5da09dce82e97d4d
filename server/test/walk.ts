/**
 * Inputs for walking every procedure: built from each procedure's zod input schema, with the ids in it chosen by the
 * caller (another company's records, a parent company's, or none at all). `idFields` names every id an input takes
 * and `entityOf` which record it is, so a procedure taking an id nobody classified fails the walk.
 */

type Def = {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  options?: unknown[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number; value?: number; inclusive?: boolean; format?: string } } }[];
  defaultValue?: unknown;
};
const defOf = (schema: unknown) => (schema as { _zod?: { def: Def } } | undefined)?._zod?.def;
const wrappers = ["optional", "nullable", "default", "prefault", "readonly"];

/** The schema under its wrappers (and a pipe's input side), and whether it may be left out. */
function unwrap(schema: unknown): { schema: unknown; optional: boolean } {
  let optional = false;
  for (let def = defOf(schema); def; def = defOf(schema)) {
    if (wrappers.includes(def.type)) {
      optional ||= def.type !== "nullable" && def.type !== "readonly";
      schema = def.innerType;
    } else if (def.type === "pipe" && defOf(def.out)?.type === "transform") schema = def.in;
    else return { schema, optional };
  }
  return { schema, optional };
}

const isIdName = (name: string) => name === "id" || name === "ids" || /[a-z](Id|Ids)$/.test(name);

/** Every number field named like an id (`id`, `…Id`, `…Ids`), as dotted paths ("roleIds.[]", "newCustomer.parentId"). */
export function idFields(schema: unknown, at: string[] = []): string[] {
  const { schema: inner } = unwrap(schema);
  const def = defOf(inner);
  if (!def) return [];
  if (def.type === "object") return Object.entries(def.shape ?? {}).flatMap(([key, field]) => idFields(field, [...at, key]));
  if (def.type === "array") return idFields(def.element, [...at, "[]"]);
  if (def.type === "pipe") return idFields(def.in, at);
  const name = at.filter((part) => part !== "[]").at(-1) ?? "";
  return def.type === "number" && isIdName(name) ? [at.join(".")] : [];
}

/** Records an id may name. "missing" entities are not ownable by anyone in particular. */
export type Entity =
  | "customer"
  | "customerUser"
  | "customerUserAddress"
  | "customerAddress"
  | "order"
  | "quote"
  | "rfq"
  | "shoppingList"
  | "customerUserRole"
  | "invitation"
  | "oauthApp"
  | "note"
  | "customerNote"
  | "consent"
  | "website"
  | "localization"
  | "customerGroup"
  | "staffUser"
  | "staffRole"
  | "emailMessage";

/**
 * Which record each id field names: the first rule whose procedure prefix and field match. `id` is the record of
 * the procedure's router, except where a procedure's own `id` is another record's.
 */
const entityRules: [prefix: string, field: string, entity: Entity][] = [
  ["admin.staffUsers.", "roleId", "staffRole"],
  ["admin.staffUsers.", "roleIds.[]", "staffRole"],
  ["", "customerId", "customer"],
  ["", "parentId", "customer"],
  ["", "newCustomer.parentId", "customer"],
  ["", "customerUserId", "customerUser"],
  ["", "userIds.[]", "customerUser"],
  ["", "ids.[]", "customerUser"],
  ["", "roleId", "customerUserRole"],
  ["", "roleIds.[]", "customerUserRole"],
  ["", "defaultRoleId", "customerUserRole"],
  ["", "addresses.[].id", "customerUserAddress"],
  ["", "consentId", "consent"],
  ["", "consentIds.[]", "consent"],
  ["", "websiteId", "website"],
  ["", "localizationId", "localization"],
  ["", "localizationIds.[]", "localization"],
  ["", "defaultLocalizationId", "localization"],
  ["", "groupId", "customerGroup"],
  ["", "salesRepId", "staffUser"],
  ["", "salesRepIds.[]", "staffUser"],
  ["", "salesRepresentativeIds.[]", "staffUser"],
  ["", "registrationOwnerId", "staffUser"],
  ["account.addresses.", "id", "customerUserAddress"],
  ["account.companyAddresses.", "id", "customerAddress"],
  ["account.apiAccess.", "id", "oauthApp"],
  ["account.invitations.", "id", "invitation"],
  ["account.orders.", "id", "order"],
  ["account.quotes.", "id", "quote"],
  ["account.rfqs.", "id", "rfq"],
  ["account.shoppingLists.", "id", "shoppingList"],
  ["account.roles.", "id", "customerUserRole"],
  ["account.users.customerChoices", "id", "customer"],
  ["account.users.", "id", "customerUser"],
  ["admin.consents.", "id", "consent"],
  ["admin.customerGroups.", "id", "customerGroup"],
  ["admin.customerUserRoles.", "id", "customerUserRole"],
  ["admin.customerUsers.customerChoices", "id", "customer"],
  ["admin.customerUsers.", "id", "customerUser"],
  ["admin.customers.addresses.", "id", "customerAddress"],
  ["admin.customers.notes.list", "id", "customer"],
  ["admin.customers.notes.", "id", "customerNote"],
  ["admin.customers.", "id", "customer"],
  ["admin.mailbox.", "id", "emailMessage"],
  ["admin.notes.", "id", "note"],
  ["admin.oauthApps.", "id", "oauthApp"],
  ["admin.privacy.", "id", "customerUser"],
  ["admin.staffRoles.", "id", "staffRole"],
  ["admin.staffUsers.", "id", "staffUser"],
];

export function entityOf(procedure: string, field: string): Entity | undefined {
  return entityRules.find(([prefix, name]) => procedure.startsWith(prefix) && name === field)?.[2];
}

/** A plain value a field of this name and type accepts. */
function textFor(name: string, def: Def): string {
  if (def.format === "email" || /email/i.test(name)) return "walk.test@example.test";
  if (def.format === "date") return "2020-01-01";
  if (def.format === "datetime") return "2020-01-01T00:00:00.000Z";
  if (/password/i.test(name)) return "Walk-test-passw0rd!";
  if (/countryCode/.test(name)) return "US";
  const min = def.checks?.find((check) => check._zod.def.check === "min_length")?._zod.def.minimum ?? 0;
  return "Walk test".padEnd(min, "x");
}

function numberFor(def: Def): number {
  const low = def.checks?.find((check) => check._zod.def.check === "greater_than")?._zod.def;
  return low ? Math.floor(low.value ?? 0) + 1 : 1;
}

/**
 * A sample input: every required field filled with a plain value, optional ones left out, and every id field —
 * required or not — set by `idFor(path)` (undefined leaves an optional id out).
 */
export function sampleInput(schema: unknown, idFor: (path: string) => number | undefined, at: string[] = []): unknown {
  const { schema: inner, optional } = unwrap(schema);
  const def = defOf(inner);
  const path = at.join(".");
  if (!def) return undefined;
  switch (def.type) {
    case "object": {
      const entries = Object.entries(def.shape ?? {}).flatMap(([key, field]) => {
        const value = sampleInput(field, idFor, [...at, key]);
        return value === undefined ? [] : [[key, value]];
      });
      return optional && entries.length === 0 ? undefined : Object.fromEntries(entries);
    }
    case "array": {
      if (optional && !idFields(inner, at).length) return undefined;
      const element = sampleInput(def.element, idFor, [...at, "[]"]);
      return element === undefined ? (optional ? undefined : []) : [element];
    }
    case "number":
      if (isIdName(at.filter((part) => part !== "[]").at(-1) ?? "")) return idFor(path);
      return optional ? undefined : numberFor(def);
    default:
      if (optional) return undefined;
  }
  switch (def.type) {
    case "string":
      return textFor(at.at(-1) ?? "", def);
    case "boolean":
      return false;
    case "date":
      return new Date("2030-01-01T10:00:00Z");
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "union":
      return sampleInput(def.options?.[0], idFor, at);
    case "pipe":
      return sampleInput(def.in, idFor, at);
    case "record":
      return {};
    default:
      return undefined;
  }
}

import { sampleInput } from "./walk";

/**
 * Where a schema's own rules need more than sample values (a choice between two fields, a refinement), the inputs
 * the walk sends instead: each variant is the sample input with some fields set, and together they send every id.
 */
type Input = Record<string, unknown>;
const address = { street: "1 Walk Street", city: "Springfield", postalCode: "12345", countryCode: "US", isBilling: true };
const userRecord = (base: Input): Input[] => {
  const { salesRepresentativeIds, ...rest } = base;
  const record = {
    ...rest,
    generatePassword: true,
    addresses: (base.addresses as Input[] | undefined)?.map((a) => ({ ...a, ...address })),
  };
  return [
    // An existing customer, or a new subsidiary under a parent: never both. Sales representatives are for staff only.
    { ...record, newCustomer: null },
    { ...record, customerId: null },
    { ...record, newCustomer: null, salesRepresentativeIds },
  ];
};
const rolePermissions = (base: Input): Input[] => [{ ...base, permissions: [{ permission: "order.view", level: "CUSTOMER" }] }];

const variants: Record<string, (base: Input) => Input[]> = {
  "account.users.create": userRecord,
  "account.users.update": userRecord,
  "admin.customerUsers.create": userRecord,
  "admin.customerUsers.update": userRecord,
  "account.roles.create": rolePermissions,
  "account.roles.update": rolePermissions,
  "admin.customerUserRoles.create": rolePermissions,
  "admin.customerUserRoles.update": rolePermissions,
  "admin.staffRoles.update": (base) => [{ ...base, permissions: ["customerUser.view"] }],
  "account.addresses.create": (base) => [{ ...base, ...address }],
  "account.addresses.update": (base) => [{ ...base, ...address }],
  "account.companyAddresses.create": (base) => [{ ...base, ...address }],
  "account.companyAddresses.update": (base) => [{ ...base, ...address }],
  "admin.customers.addresses.create": (base) => [{ ...base, ...address }],
  "admin.customers.addresses.update": (base) => [{ ...base, ...address }],
  "admin.calendarEvents.create": (base) => [{ ...base, startAt: new Date("2030-01-01T10:00:00Z"), endAt: null }],
};

/** The inputs to send to `path`, with ids chosen by `idFor(field)` ("roleIds.[]", "newCustomer.parentId"). */
export function inputVariants(path: string, schema: unknown, idFor: (field: string) => number | undefined): unknown[] {
  const base = sampleInput(schema, idFor) as Input;
  return variants[path]?.(base) ?? [base];
}

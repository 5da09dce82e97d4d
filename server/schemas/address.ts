import { z } from "zod";
import { id, optionalText, requiredText, text } from "./common";

/** Each field of an address, once: the input below, the output, the services' select and the forms are built from it. */
const addressShape = {
  label: optionalText(100),
  organization: optionalText(255),
  namePrefix: optionalText(50),
  firstName: optionalText(255),
  middleName: optionalText(255),
  lastName: optionalText(255),
  nameSuffix: optionalText(50),
  street: requiredText(500, "Enter the street."),
  street2: optionalText(500),
  city: requiredText(255, "Enter the city."),
  postalCode: requiredText(20, "Enter the postal code."),
  region: optionalText(255),
  countryCode: text(2, "Choose a country.")
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country."),
  phone: optionalText(50),
  isPrimary: z.boolean().default(false),
  isBilling: z.boolean().default(false),
  isShipping: z.boolean().default(false),
  isDefaultBilling: z.boolean().default(false),
  isDefaultShipping: z.boolean().default(false),
};

/**
 * An address of a customer or a customer user: typed billing and/or shipping, each type with at most one default
 * per owner (services enforce "at most one"; the schema enforces that a default is of its own type).
 */
export const addressInput = z.object(addressShape).superRefine((address, ctx) => {
  if (!address.isBilling && !address.isShipping) {
    ctx.addIssue({ code: "custom", path: ["isBilling"], message: "Choose billing, shipping or both." });
  }
  if (address.isDefaultBilling && !address.isBilling) {
    ctx.addIssue({ code: "custom", path: ["isDefaultBilling"], message: "Only a billing address can be the default billing address." });
  }
  if (address.isDefaultShipping && !address.isShipping) {
    ctx.addIssue({
      code: "custom",
      path: ["isDefaultShipping"],
      message: "Only a shipping address can be the default shipping address.",
    });
  }
});
export type AddressInput = z.input<typeof addressInput>;

export type AddressFieldName = keyof typeof addressShape;
export const addressFieldNames = Object.keys(addressShape) as AddressFieldName[];
/** The yes/no fields (billing, shipping, the defaults): the input's only fields with a default. */
export const addressFlagNames = addressFieldNames.filter((name) => addressShape[name] instanceof z.ZodDefault);
export type AddressFlag = { [K in AddressFieldName]: (typeof addressShape)[K] extends z.ZodDefault ? K : never }[AddressFieldName];

/** What a stored field reads as: a flag a boolean, an optional text null when empty, the rest a string. */
type StoredField<T> = T extends z.ZodDefault ? z.ZodBoolean : T extends z.ZodOptional ? z.ZodNullable<z.ZodString> : z.ZodString;
const storedField = (field: z.ZodType) =>
  field instanceof z.ZodDefault ? z.boolean() : field instanceof z.ZodOptional ? z.string().nullable() : z.string();

/** One stored address as the API returns it. */
export const addressOutput = z.object({
  id: z.number(),
  ...(Object.fromEntries(addressFieldNames.map((name) => [name, storedField(addressShape[name])])) as {
    [K in AddressFieldName]: StoredField<(typeof addressShape)[K]>;
  }),
});

/**
 * At most one primary, one default billing and one default shipping address among those saved at once: each one
 * after the first is refused at its own flag (`addresses.N.<flag>`), where the form shows it. Saving a single
 * address instead makes it the new default (`defaultsToClear`).
 */
export function oneDefaultPerKind(addresses: readonly { isPrimary?: boolean; isDefaultBilling?: boolean; isDefaultShipping?: boolean }[]) {
  const problems: Record<string, string[]> = {};
  const nouns = [
    ["isDefaultBilling", "default billing address"],
    ["isDefaultShipping", "default shipping address"],
    ["isPrimary", "primary address"],
  ] as const;
  for (const [flag, noun] of nouns) {
    const marked = addresses.flatMap((address, index) => (address[flag] ? [index] : []));
    for (const index of marked.slice(1)) problems[`addresses.${index}.${flag}`] = [`Only one address can be the ${noun}.`];
  }
  return problems;
}

export const updateAddressInput = addressInput.safeExtend({ id });
export const addressIdInput = z.object({ id });
/** Address lists: one's own address book, or (with a level above User) the colleagues' too. */
export const listAddressesInput = z.object({ everyone: z.boolean().default(false) }).default({ everyone: false });

/** A short list of countries for the address forms (ISO 3166-1 alpha-2). */
export const countries: [code: string, name: string][] = [
  ["AT", "Austria"],
  ["BE", "Belgium"],
  ["CA", "Canada"],
  ["CH", "Switzerland"],
  ["CZ", "Czechia"],
  ["DE", "Germany"],
  ["DK", "Denmark"],
  ["ES", "Spain"],
  ["FI", "Finland"],
  ["FR", "France"],
  ["GB", "United Kingdom"],
  ["IE", "Ireland"],
  ["IT", "Italy"],
  ["NL", "Netherlands"],
  ["NO", "Norway"],
  ["PL", "Poland"],
  ["PT", "Portugal"],
  ["SE", "Sweden"],
  ["US", "United States"],
];

/** Keeps at most one primary, one default billing and one default shipping address per owner: the newest wins. */
export function defaultsToClear(address: { isDefaultBilling?: boolean; isDefaultShipping?: boolean; isPrimary?: boolean }) {
  return {
    ...(address.isPrimary ? { isPrimary: false } : {}),
    ...(address.isDefaultBilling ? { isDefaultBilling: false } : {}),
    ...(address.isDefaultShipping ? { isDefaultShipping: false } : {}),
  };
}

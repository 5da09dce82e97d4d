import { z } from "zod";
import { id, optionalText, requiredText, text } from "./common";

/**
 * An address of a customer or a customer user: typed billing and/or shipping, each type with at most one default
 * per owner (services enforce "at most one"; the schema enforces that a default is of its own type).
 */
export const addressInput = z
  .object({
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
  })
  .superRefine((address, ctx) => {
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

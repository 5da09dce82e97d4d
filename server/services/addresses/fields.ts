import type { Prisma } from "../../generated/prisma/client";
import { addressFieldNames, type AddressFieldName } from "../../schemas/address";

/**
 * An address's fields as the services read and write them, for both kinds (a user's and a company's), all built
 * from the schema's one list of field names (server/schemas/address.ts).
 */

/** The fields an address of either kind has, as one select: what a form edits and what "the same address" compares. */
export const addressFields = Object.fromEntries(addressFieldNames.map((name) => [name, true])) as { [K in AddressFieldName]: true };

export const addressSelect = { id: true, ...addressFields, updatedAt: true } as const;

export type Address = Prisma.CustomerUserAddressGetPayload<{ select: typeof addressSelect }>;
export type AddressFields = Prisma.CustomerUserAddressGetPayload<{ select: typeof addressFields }>;

/** An address as a form sent it (empty optional fields already null or absent), as the row stores it. */
export const addressData = (address: { [K in AddressFieldName]?: AddressFields[K] }) =>
  Object.fromEntries(addressFieldNames.map((name) => [name, address[name] ?? null])) as AddressFields;

/** Whether two stored addresses have the same fields (their ids and times aside). */
export const sameAddress = (a: AddressFields, b: AddressFields) => addressFieldNames.every((name) => a[name] === b[name]);

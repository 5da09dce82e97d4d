import { personValues } from "@/components/person-values";
import type { UseFormReturn } from "react-hook-form";
import {
  createCustomerUserInput,
  customerUserRecordProblems,
  issuePath,
  updateCustomerUserInput,
  type CreateCustomerUserInput,
} from "@/server/schemas/customerUser";
import type { RouterOutputs } from "@/components/api-types";

/** The form's values, what it reads and the rules it checks before the round trip. */
export type Options = RouterOutputs["admin"]["customerUsers"]["formOptions"];
export type Values = CreateCustomerUserInput & { id?: number; version?: number };
export type Form = UseFormReturn<Values>;
export type Mode = "create" | "edit";
export type CustomerChoice = RouterOutputs["admin"]["customerUsers"]["customerChoices"][number];
export type CustomerUserRecord = RouterOutputs["admin"]["customerUsers"]["get"];

export function valuesOf(record: CustomerUserRecord | null, options: Options): Values {
  if (!record) {
    return {
      enabled: true,
      namePrefix: "",
      firstName: "",
      middleName: "",
      lastName: "",
      nameSuffix: "",
      email: "",
      birthday: "",
      phone: "",
      customerId: null,
      newCustomer: null,
      salesRepresentativeIds: [],
      websiteId: options.websites.find((w) => w.isDefault)?.id ?? options.websites[0]?.id ?? null,
      localizationId: null,
      roleIds: [],
      addresses: [],
      generatePassword: false,
      password: "",
      sendWelcomeEmail: false,
    };
  }
  return {
    id: record.id,
    version: record.version,
    enabled: record.enabled,
    ...personValues(record),
    email: record.email,
    customerId: record.customer.id,
    newCustomer: null,
    salesRepresentativeIds: record.salesRepresentatives.map((s) => s.id),
    websiteId: record.website?.id ?? null,
    localizationId: record.localization?.id ?? null,
    roleIds: record.roles.map((r) => r.id),
    addresses: record.addresses.map((a) =>
      Object.fromEntries(Object.entries(a).map(([key, value]) => [key, value ?? ""])),
    ) as Values["addresses"],
  };
}

/**
 * The procedure's schema, plus the rules the form can check before the round trip (they depend on the choices).
 * A field the form hides is not checked: the password while Generate Password is selected (the schema's rule), the
 * localization of a website with only one.
 */
export function formSchema(mode: Mode, websites: Options["websites"]) {
  const base = mode === "create" ? createCustomerUserInput : updateCustomerUserInput;
  return base.superRefine((value, ctx) => {
    const roles = customerUserRecordProblems(value).roleIds;
    if (roles) ctx.addIssue({ code: "custom", path: ["roleIds"], message: roles[0]! });
    const website = websites.find((w) => w.id === value.websiteId);
    if (website && website.localizations.length > 1 && !value.localizationId) {
      ctx.addIssue({ code: "custom", path: issuePath("localizationId"), message: "Choose the preferred localization for this website." });
    }
  });
}

import { FilterBar, FilterField } from "@/components/grid/grid";
import { intParam, param, yesNoParam, type SearchParams } from "@/components/grid/params";
import { Input, Select } from "@/components/ui/field";
import { CustomerFilterPicker } from "@/components/admin/customer-picker";
import type { RouterOutputs } from "@/components/api-types";
import type { z } from "zod";
import type { listCustomerUsersInput } from "@/server/schemas/customerUser";

/** The customer-user grid's filters: their URL keys, how the URL reads into the list's input, and the filter bar. */

/** URL keys of the filters (the grid kit adds sort, dir, limit and cursor). */
export const customerUserFilterKeys = {
  search: "q",
  customer: "customer",
  subsidiaries: "subsidiaries",
  enabled: "enabled",
  confirmed: "confirmed",
  password: "password",
  website: "website",
  firstName: "first",
  firstNameMatch: "firstMatch",
  lastName: "last",
  lastNameMatch: "lastMatch",
  email: "email",
  emailMatch: "emailMatch",
  createdFrom: "createdFrom",
  createdTo: "createdTo",
  lastLoginFrom: "signInFrom",
  lastLoginTo: "signInTo",
} as const;
const filterKeys = Object.values(customerUserFilterKeys);
const keys = customerUserFilterKeys;
const moreFilterKeys = [keys.firstName, keys.lastName, keys.email, keys.createdFrom, keys.createdTo, keys.lastLoginFrom, keys.lastLoginTo];

/** The grid's filters as the URL holds them. */
export function customerUserFiltersOf(params: SearchParams) {
  const match = (key: string) => (param(params, key) === "startsWith" ? "startsWith" : undefined);
  const password = param(params, keys.password);
  return {
    search: param(params, keys.search),
    customerId: intParam(params, keys.customer),
    includeSubsidiaries: param(params, keys.subsidiaries) === "yes",
    enabled: yesNoParam(params, keys.enabled),
    confirmed: yesNoParam(params, keys.confirmed),
    authStatus: password === "active" ? "ACTIVE" : password === "reset" ? "RESET" : undefined,
    websiteId: intParam(params, keys.website),
    firstName: param(params, keys.firstName),
    firstNameMatch: match(keys.firstNameMatch),
    lastName: param(params, keys.lastName),
    lastNameMatch: match(keys.lastNameMatch),
    email: param(params, keys.email),
    emailMatch: match(keys.emailMatch),
    createdFrom: param(params, keys.createdFrom),
    createdTo: param(params, keys.createdTo),
    lastLoginFrom: param(params, keys.lastLoginFrom),
    lastLoginTo: param(params, keys.lastLoginTo),
  };
}

function YesNoAny({ id, name, value, yes, no }: { id: string; name: string; value: boolean | undefined; yes: string; no: string }) {
  return (
    <Select id={id} name={name} defaultValue={value === undefined ? "" : value ? "yes" : "no"} className="w-32">
      <option value="">Any</option>
      <option value="yes">{yes}</option>
      <option value="no">{no}</option>
    </Select>
  );
}

/** A text filter with its kind of match ("contains" is the default and leaves the URL clean). */
function TextFilter({
  id,
  label,
  name,
  matchName,
  value,
  match,
}: {
  id: string;
  label: string;
  name: string;
  matchName: string;
  value?: string;
  match: string;
}) {
  return (
    <FilterField id={id} label={label}>
      <div className="flex">
        <Select
          name={matchName}
          defaultValue={match === "startsWith" ? "startsWith" : ""}
          aria-label={`${label}: how it matches`}
          className="w-32 shrink-0 rounded-r-none"
        >
          <option value="">contains</option>
          <option value="startsWith">starts with</option>
        </Select>
        <Input id={id} name={name} defaultValue={value} className="-ml-px w-40 rounded-l-none" />
      </div>
    </FilterField>
  );
}

/** The filter bar of the customer-user grid, filled in from the list's parsed input. */
export function CustomerUserFilters({
  state,
  input,
  problem,
  websites,
  customer,
}: {
  state: { basePath: string; params: SearchParams };
  input: z.output<typeof listCustomerUsersInput>;
  problem: string | null;
  websites: RouterOutputs["admin"]["customerUsers"]["websiteChoices"];
  /** The customer filtered on, for the picker to show its name. */
  customer: { id: number; name: string } | null;
}) {
  return (
    <FilterBar
      {...state}
      filterKeys={filterKeys}
      label="Filter customer users"
      problem={problem}
      more={{
        label: "More filters: names, email, dates",
        open: moreFilterKeys.some((key) => param(state.params, key) !== undefined),
        children: (
          <>
            <TextFilter
              id="filter-first"
              label="First name"
              name={keys.firstName}
              matchName={keys.firstNameMatch}
              value={input.firstName}
              match={input.firstNameMatch}
            />
            <TextFilter
              id="filter-last"
              label="Last name"
              name={keys.lastName}
              matchName={keys.lastNameMatch}
              value={input.lastName}
              match={input.lastNameMatch}
            />
            <TextFilter
              id="filter-email"
              label="Email"
              name={keys.email}
              matchName={keys.emailMatch}
              value={input.email}
              match={input.emailMatch}
            />
            <FilterField id="filter-created-from" label="Created from">
              <Input id="filter-created-from" type="date" name={keys.createdFrom} defaultValue={input.createdFrom} />
            </FilterField>
            <FilterField id="filter-created-to" label="Created to">
              <Input id="filter-created-to" type="date" name={keys.createdTo} defaultValue={input.createdTo} />
            </FilterField>
            <FilterField id="filter-signin-from" label="Last sign-in from">
              <Input id="filter-signin-from" type="date" name={keys.lastLoginFrom} defaultValue={input.lastLoginFrom} />
            </FilterField>
            <FilterField id="filter-signin-to" label="Last sign-in to">
              <Input id="filter-signin-to" type="date" name={keys.lastLoginTo} defaultValue={input.lastLoginTo} />
            </FilterField>
          </>
        ),
      }}
    >
      <FilterField id="filter-q" label="Search">
        <Input id="filter-q" name={keys.search} defaultValue={input.search} placeholder="Name or email" className="w-48" />
      </FilterField>
      <FilterField id="filter-customer" label="Customer">
        <CustomerFilterPicker id="filter-customer" name={keys.customer} initial={customer} />
      </FilterField>
      <label className="mb-2 inline-flex items-center gap-1.5 text-xs text-slate-600">
        <input
          type="checkbox"
          name={keys.subsidiaries}
          value="yes"
          defaultChecked={input.includeSubsidiaries}
          className="size-4 rounded border-slate-300"
        />
        and its subsidiaries
      </label>
      <FilterField id="filter-enabled" label="Enabled">
        <YesNoAny id="filter-enabled" name={keys.enabled} value={input.enabled} yes="Enabled" no="Disabled" />
      </FilterField>
      <FilterField id="filter-confirmed" label="Confirmed">
        <YesNoAny id="filter-confirmed" name={keys.confirmed} value={input.confirmed} yes="Confirmed" no="Unconfirmed" />
      </FilterField>
      <FilterField id="filter-password" label="Password">
        <Select id="filter-password" name={keys.password} defaultValue={input.authStatus?.toLowerCase() ?? ""} className="w-28">
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="reset">Reset</option>
        </Select>
      </FilterField>
      <FilterField id="filter-website" label="Website">
        <Select id="filter-website" name={keys.website} defaultValue={input.websiteId ?? ""} className="w-40">
          <option value="">Any</option>
          {websites.map((website) => (
            <option key={website.id} value={website.id}>
              {website.name}
            </option>
          ))}
        </Select>
      </FilterField>
    </FilterBar>
  );
}

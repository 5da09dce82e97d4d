import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import type { z } from "zod";
import { FilterBar, FilterField, SortHeader } from "@/components/grid/grid";
import type { ListState } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { param, yesNoParam, type SearchParams } from "@/components/grid/params";
import { formatDate } from "@/components/format";
import { listRolesInput, roleSortKeys } from "@/server/schemas/role";
import type { RouterOutputs } from "@/components/api-types";
import { RoleActions } from "./role-actions";
import { rolesPath, type Audience } from "./paths";

/** The roles grid of either audience: filters, sort and keyset pages in the URL (the list kit). */

const filterKeys = ["label", "customer", "owner", "selfManaged", "public"] as const;

/** The roles list as both audiences' pages load it with `listPage`. */
export function roleListSpec(audience: Audience, params: SearchParams) {
  return {
    basePath: rolesPath(audience),
    params,
    schema: listRolesInput,
    sorts: roleSortKeys,
    filters: {
      label: param(params, "label"),
      customer: param(params, "customer"),
      owner: param(params, "owner"),
      selfManaged: yesNoParam(params, "selfManaged"),
      public: yesNoParam(params, "public"),
    },
  };
}

function YesNoFilter({ id, label, value }: { id: string; label: string; value: boolean | undefined }) {
  return (
    <FilterField id={id} label={label}>
      <Select id={id} name={id} defaultValue={value === undefined ? "" : value ? "yes" : "no"} className="w-24">
        <option value="">Any</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </Select>
    </FilterField>
  );
}

type Page = RouterOutputs["admin"]["customerUserRoles"]["list"];

export function RolesGrid({
  audience,
  input,
  page,
  problem,
  state,
}: {
  audience: Audience;
  input: z.output<typeof listRolesInput>;
  page: Page;
  problem: string | null;
  state: ListState;
}) {
  const basePath = rolesPath(audience);
  const { params } = state;
  const staff = audience === "admin";
  const sortProps = { sort: input.sort, dir: input.dir, basePath, params };
  const columns = staff ? 7 : 4;
  return (
    <Card>
      <FilterBar
        basePath={basePath}
        params={params}
        filterKeys={staff ? filterKeys : ["label", "owner"]}
        label="Filter roles"
        problem={problem}
      >
        <FilterField id="label" label="Label">
          <Input id="label" name="label" defaultValue={input.label} placeholder="contains…" className="w-44" />
        </FilterField>
        <FilterField id="owner" label={staff ? "Kind" : "Owner"}>
          <Select id="owner" name="owner" defaultValue={input.owner ?? ""} className="w-40">
            <option value="">Any</option>
            <option value="predefined">Predefined</option>
            <option value="customer">{staff ? "A customer's own" : "Your company's"}</option>
          </Select>
        </FilterField>
        {staff ? (
          <>
            <FilterField id="customer" label="Customer">
              <Input id="customer" name="customer" defaultValue={input.customer} placeholder="name contains…" className="w-44" />
            </FilterField>
            <YesNoFilter id="selfManaged" label="Self-managed" value={input.selfManaged} />
            <YesNoFilter id="public" label="Public" value={input.public} />
          </>
        ) : null}
      </FilterBar>
      <Table data-testid="roles-grid">
        <thead>
          <tr>
            <SortHeader label="Label" sortKey="label" {...sortProps} />
            <Th>{staff ? "Customer" : "Owner"}</Th>
            {staff ? (
              <>
                <Th>Self-managed</Th>
                <Th>Public</Th>
              </>
            ) : null}
            <Th>Users</Th>
            {staff ? <SortHeader label="Created" sortKey="createdAt" {...sortProps} /> : null}
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? <EmptyRow colSpan={columns}>No roles match.</EmptyRow> : null}
          {page.items.map((role) => (
            <Tr key={role.id} data-role={role.label}>
              <Td>
                <Link href={`${basePath}/${role.id}`} className="font-medium text-brand-700 hover:underline">
                  {role.label}
                </Link>
                {role.sourceRole ? <div className="text-xs text-slate-500">Copy of {role.sourceRole.label}</div> : null}
              </Td>
              <Td>{role.customer ? role.customer.name : <Badge tone="blue">Predefined</Badge>}</Td>
              {staff ? (
                <>
                  <Td>{role.selfManaged ? "Yes" : "No"}</Td>
                  <Td>{role.public ? "Yes" : "No"}</Td>
                </>
              ) : null}
              <Td>{role.users}</Td>
              {staff ? <Td>{formatDate(role.createdAt)}</Td> : null}
              <Td className="text-right">
                <RoleActions audience={audience} role={role} variant="menu" />
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <Pager state={state} page={page} noun="roles" />
    </Card>
  );
}

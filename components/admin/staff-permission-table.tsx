import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { staffPermissionIndex, staffScopeLabels, type StaffScope } from "@/server/authz/permissions";

type Row = {
  key: string;
  label: string;
  group: string;
  scope: StaffScope | null;
  sources: { roleId: number; roleLabel: string; scope: StaffScope }[];
};

/** A staff member's effective permissions and why: for each one held, its reach and the roles granting it. */
export function StaffPermissionTable({ rows }: { rows: Row[] }) {
  const held = rows.filter((row) => row.scope !== null);
  return (
    <Table data-testid="effective-permissions">
      <thead>
        <tr>
          <Th>Area</Th>
          <Th>Permission</Th>
          <Th>Reach</Th>
          <Th>Granted by</Th>
        </tr>
      </thead>
      <tbody>
        {held.length === 0 ? (
          <tr>
            <td colSpan={4} className="px-3 py-6 text-center text-slate-500">
              No permissions.
            </td>
          </tr>
        ) : null}
        {held.map((row) => (
          <Tr key={row.key} data-permission={row.key}>
            <Td className="text-slate-500">{row.group}</Td>
            <Td>{row.label}</Td>
            <Td>
              {staffPermissionIndex.get(row.key)?.scoped ? (
                <Badge tone={row.scope === "ALL" ? "green" : "blue"}>{staffScopeLabels[row.scope!]}</Badge>
              ) : (
                <Badge>Granted</Badge>
              )}
            </Td>
            <Td className="whitespace-normal text-slate-600">{row.sources.map((s) => s.roleLabel).join(", ")}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

import { Badge } from "./ui/badge";
import { Table, Td, Th, Tr } from "./ui/table";
import { levelLabels, levelShortLabels, type Level } from "@/server/authz/permissions";

type Row = { key: string; label: string; group: string; level: Level; sources: { roleId: number; roleLabel: string; level: Level }[] };

const levelTone: Record<Level, "slate" | "blue" | "green" | "amber"> = {
  NONE: "slate",
  OWN: "amber",
  CUSTOMER: "blue",
  SUBTREE: "green",
  GRANTED: "green",
};

/** Effective permissions and why: the level held and the roles granting it. */
export function PermissionTable({ rows, showNone = false }: { rows: Row[]; showNone?: boolean }) {
  const visible = showNone ? rows : rows.filter((row) => row.level !== "NONE");
  return (
    <Table data-testid="effective-permissions">
      <thead>
        <tr>
          <Th>Area</Th>
          <Th>Permission</Th>
          <Th>Level</Th>
          <Th>Granted by</Th>
        </tr>
      </thead>
      <tbody>
        {visible.map((row) => (
          <Tr key={row.key} data-permission={row.key}>
            <Td className="text-slate-500">{row.group}</Td>
            <Td>{row.label}</Td>
            <Td>
              <Badge tone={levelTone[row.level]}>{levelLabels[row.level]}</Badge>
            </Td>
            <Td className="whitespace-normal text-slate-600">
              {row.sources.length === 0 ? "—" : row.sources.map((s) => `${s.roleLabel} (${levelShortLabels[s.level]})`).join(", ")}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

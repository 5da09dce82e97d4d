import Link from "next/link";
import { EmptyRow, Table, Td, Th, Tr } from "./ui/table";
import { formatDateTime } from "./format";

type Person = { firstName: string; lastName: string } | null;
type Row = {
  id: number;
  occurredAt: Date;
  actorType: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  actorStaff: Person;
  actorCustomerUser: Person;
  impersonator: Person;
  changes: { field: string; before: unknown; after: unknown }[];
};

const name = (p: Person) => (p ? `${p.firstName} ${p.lastName}`.trim() : "");
const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

function actor(row: Row) {
  if (row.impersonator) return `${name(row.impersonator)} as ${name(row.actorCustomerUser)}`;
  return name(row.actorStaff) || name(row.actorCustomerUser) || (row.actorType === "SYSTEM" ? "System" : row.actorType.toLowerCase());
}

function RecordLabel({ row, href }: { row: Row; href: string | null | undefined }) {
  const label = `${row.entityType} #${row.entityId}`;
  return href ? (
    <Link href={href} className="text-brand-700 hover:underline">
      {label}
    </Link>
  ) : (
    label
  );
}

/**
 * Who changed what, when: one row per audit event, with the fields it changed. `recordHref`: the page of a record
 * (entity type and id), where the reader has one; the record then links there.
 */
export function AuditTable({ rows, recordHref }: { rows: Row[]; recordHref?: (entityType: string, entityId: string) => string | null }) {
  return (
    <Table data-testid="audit-log">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Record</Th>
          <Th>Changes</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? <EmptyRow colSpan={5}>No changes recorded.</EmptyRow> : null}
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td>{formatDateTime(row.occurredAt)}</Td>
            <Td>{actor(row)}</Td>
            <Td className="font-mono text-xs">{row.action}</Td>
            <Td>
              <RecordLabel row={row} href={recordHref?.(row.entityType, row.entityId)} />
            </Td>
            <Td className="whitespace-normal text-xs text-slate-700">
              {row.changes.length === 0 ? (
                "—"
              ) : (
                <ul className="space-y-0.5">
                  {row.changes.map((c) => (
                    <li key={c.field}>
                      <span className="font-medium">{c.field}</span>: {show(c.before)} → {show(c.after)}
                    </li>
                  ))}
                </ul>
              )}
              {row.reason ? <p className="mt-1 italic">Reason: {row.reason}</p> : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

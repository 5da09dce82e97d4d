import type { ReactNode } from "react";

/** A record's fields as label and value; a missing value shows as a dash. Both audiences' record pages use it. */
export function DetailList({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-3 gap-y-2 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="col-span-2">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

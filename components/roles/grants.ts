import { customerCatalogue, type Level } from "@/server/authz/permissions";

/** A role's grants as the permission matrix edits them (permission → level) and as procedures take them (rows). */
export type Grants = Readonly<Record<string, Level>>;
export type GrantRow = { permission: string; level: Level };

export function grantsOf(rows: readonly GrantRow[]): Record<string, Level> {
  return Object.fromEntries(rows.filter((row) => row.level !== "NONE").map((row) => [row.permission, row.level]));
}

/** The rows a role stores, in catalogue order: only what grants something. */
export function rowsOf(grants: Grants): GrantRow[] {
  return customerCatalogue.flatMap((info) => {
    const level = grants[info.key];
    return level && level !== "NONE" ? [{ permission: info.key, level }] : [];
  });
}

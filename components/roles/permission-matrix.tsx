"use client";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import {
  actionLabel,
  customerCatalogue,
  customerEntityTable,
  entityActions,
  entityLevels,
  levelLabels,
  levelShortLabels,
  type CustomerPermission,
  type Level,
} from "@/server/authz/permissions";
import type { Grants } from "./grants";
import { allowed, clampTo, ladderOf, LevelCell, LevelPips, maxOf, SetAll, tones } from "./matrix-cells";

/**
 * The permission matrix of a customer user role, generated from the catalogue: one row per entity, one column per
 * action, each cell a level picker offering only the levels that entity takes; capabilities as check boxes below.
 * Rows, columns and the whole matrix can be set at once. With `maxLevels` (the storefront: the administrator's own
 * levels) higher levels are disabled with a hint, cells already above them are marked, and with `hideUngrantable`
 * what the administrator cannot grant at all is left out. Without `onChange` it only shows the levels.
 */

const entityRows = customerEntityTable.map((entity) => ({
  ...entity,
  permissions: new Map(entity.actions.map((action) => [action, `${entity.entity}.${action}` as CustomerPermission])),
  ladder: ladderOf(`${entity.entity}.${entity.actions[0]}` as CustomerPermission),
}));
const capabilities = customerCatalogue.filter((info) => info.kind === "capability");

export function PermissionMatrix({
  value,
  onChange,
  maxLevels,
  hideUngrantable = false,
  error,
}: {
  value: Grants;
  onChange?: (next: Record<string, Level>) => void;
  maxLevels?: Grants;
  hideUngrantable?: boolean;
  error?: string;
}) {
  const id = useId();
  const editable = !!onChange;
  const levelOf = (permission: CustomerPermission): Level => value[permission] ?? "NONE";
  const over = (permission: CustomerPermission) => !allowed(maxLevels, permission, levelOf(permission));
  const shown = (permission: CustomerPermission) =>
    !hideUngrantable || levelOf(permission) !== "NONE" || (maxOf(maxLevels, permission) ?? "GRANTED") !== "NONE";

  const set = (changes: [CustomerPermission, Level][]) => {
    if (!onChange) return;
    const next: Record<string, Level> = { ...value };
    for (const [permission, level] of changes) {
      if (level === "NONE") delete next[permission];
      else next[permission] = level;
    }
    onChange(next);
  };
  const setMany = (permissions: CustomerPermission[], requested: Level) =>
    set(permissions.map((p) => [p, clampTo(p, requested, maxLevels)]));

  const rowsShown = entityRows.filter((row) => [...row.permissions.values()].some(shown));
  const columns = entityActions.filter((action) => rowsShown.some((row) => row.permissions.has(action)));
  const capabilitiesShown = capabilities.filter((info) => shown(info.key));
  const shownPermissions = [
    ...rowsShown.flatMap((row) => [...row.permissions.values()].filter(shown)),
    ...capabilitiesShown.map((c) => c.key),
  ];
  const granted = shownPermissions.filter((p) => levelOf(p) !== "NONE").length;
  const exceeding = shownPermissions.filter(over);
  const hidden = customerCatalogue.length - shownPermissions.length;
  const columnLevels: readonly Level[] = entityLevels;

  return (
    <div className="space-y-4" data-testid="permission-matrix">
      <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-slate-600">
        <ul className="flex flex-wrap gap-2" aria-label="Levels">
          {entityLevels.slice(1).map((level) => (
            <li key={level} className={cn("inline-flex items-center gap-1.5 rounded border px-2 py-0.5", tones[level])}>
              <LevelPips level={level} />
              <span>
                <span className="font-medium">{levelShortLabels[level]}</span>: {levelLabels[level].replace(/^\w+ \((.*)\)$/, "$1")}
              </span>
            </li>
          ))}
        </ul>
        <span data-testid="granted-count">
          {granted} of {shownPermissions.length} permissions granted
        </span>
      </div>
      {editable ? (
        <p className="text-xs text-slate-500" id={`${id}-hint`}>
          Each cell offers only the levels that record type takes. &ldquo;Set all&rdquo; gives every cell of a row or column the chosen
          level or, where a cell does not take it{maxLevels ? " or it is above your own" : ""}, the nearest level below.
          {maxLevels ? " Levels above your own are disabled: you can grant at most what you hold." : ""}
        </p>
      ) : null}
      {hidden > 0 && hideUngrantable ? (
        <p className="text-xs text-slate-500">{hidden} permissions you do not hold yourself are not shown.</p>
      ) : null}
      {exceeding.length && editable ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="matrix-exceeding">
          {exceeding.length === 1 ? "One permission is" : `${exceeding.length} permissions are`} above your own level (marked red). Lower{" "}
          {exceeding.length === 1 ? "it" : "them"} to save.
        </p>
      ) : null}
      {error ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="permissions-error"
        >
          {error}
        </p>
      ) : null}

      <div className="relative overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full border-collapse text-sm" aria-describedby={editable ? `${id}-hint` : undefined}>
          <caption className="sr-only">Permissions by record type and action</caption>
          <thead>
            <tr className="bg-slate-50 align-top">
              <th
                scope="col"
                className="sticky left-0 z-10 min-w-52 bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 shadow-[1px_0_0_var(--color-slate-200)]"
              >
                Record type
                {editable ? (
                  <SetAll
                    label="Set all record permissions"
                    levels={columnLevels}
                    onSet={(level) =>
                      setMany(
                        rowsShown.flatMap((row) => [...row.permissions.values()]),
                        level,
                      )
                    }
                  />
                ) : null}
              </th>
              {columns.map((action) => {
                const inColumn = rowsShown.flatMap((row) => (row.permissions.has(action) ? [row.permissions.get(action)!] : []));
                return (
                  <th
                    key={action}
                    scope="col"
                    className="min-w-26 px-1.5 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                  >
                    {actionLabel(action)}
                    {editable ? (
                      <SetAll
                        label={`Set the ${actionLabel(action)} column`}
                        levels={columnLevels}
                        onSet={(level) => setMany(inColumn, level)}
                      />
                    ) : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rowsShown.map((row) => (
              <tr key={row.entity} className="border-t border-slate-100 align-top" data-entity={row.entity}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 min-w-52 bg-white px-3 py-2 text-left font-medium text-slate-800 shadow-[1px_0_0_var(--color-slate-200)]"
                >
                  <div className="flex items-start justify-between gap-2">
                    <div>
                      {row.label}
                      <div className="text-xs font-normal text-slate-500">
                        {row.owner === "user" ? "Owned by a user" : "Owned by the customer"}
                      </div>
                    </div>
                    {editable ? (
                      <SetAll
                        label={`Set all ${row.label.toLowerCase()} permissions`}
                        levels={row.ladder}
                        onSet={(level) => setMany([...row.permissions.values()], level)}
                        className="w-20 shrink-0"
                      />
                    ) : null}
                  </div>
                </th>
                {columns.map((action) => {
                  const permission = row.permissions.get(action);
                  if (!permission || !shown(permission)) {
                    return (
                      <td key={action} className="px-1.5 py-2 text-center text-slate-300">
                        <span aria-hidden>—</span>
                        <span className="sr-only">{permission ? "not yours to grant" : "not applicable"}</span>
                      </td>
                    );
                  }
                  return (
                    <LevelCell
                      key={action}
                      permission={permission}
                      label={`${row.label}: ${actionLabel(action)}`}
                      level={levelOf(permission)}
                      maxLevels={maxLevels}
                      over={over(permission)}
                      onSet={editable ? (level) => set([[permission, level]]) : undefined}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {capabilitiesShown.length ? (
        <fieldset className="rounded-md border border-slate-200 px-4 py-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">Capabilities</legend>
          {editable ? (
            <div className="mb-2 flex gap-3 text-xs">
              <button
                type="button"
                className="text-brand-700 hover:underline"
                onClick={() =>
                  setMany(
                    capabilitiesShown.map((c) => c.key),
                    "GRANTED",
                  )
                }
              >
                Grant all
              </button>
              <button
                type="button"
                className="text-brand-700 hover:underline"
                onClick={() =>
                  setMany(
                    capabilitiesShown.map((c) => c.key),
                    "NONE",
                  )
                }
              >
                Grant none
              </button>
            </div>
          ) : null}
          <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {capabilitiesShown.map((info) => {
              const on = levelOf(info.key) === "GRANTED";
              const blocked = !allowed(maxLevels, info.key, "GRANTED");
              return (
                <li key={info.key} data-permission={info.key}>
                  <label className={cn("flex items-start gap-2 text-sm", over(info.key) && "rounded text-red-800 ring-2 ring-red-200")}>
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
                      checked={on}
                      disabled={!editable || (blocked && !on)}
                      aria-describedby={`${id}-${info.key}`}
                      onChange={(event) => set([[info.key, event.target.checked ? "GRANTED" : "NONE"]])}
                    />
                    <span>
                      <span className="font-medium text-slate-800">{info.label}</span>
                      <span id={`${id}-${info.key}`} className="block text-xs text-slate-500">
                        {info.description}
                        {blocked ? " You do not hold this yourself." : ""}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
    </div>
  );
}

"use client";
import { cn } from "@/components/ui/cn";
import { customerPermissionIndex, levelRank, levelShortLabels, type CustomerPermission, type Level } from "@/server/authz/permissions";
import type { Grants } from "./grants";

/** The pieces of the permission matrix: how a level looks, the "set all" pickers, one cell, and the bounding rules. */

export const tones: Record<Level, string> = {
  NONE: "border-slate-200 bg-white text-slate-500",
  OWN: "border-amber-300 bg-amber-50 text-amber-900",
  CUSTOMER: "border-blue-300 bg-blue-50 text-blue-900",
  SUBTREE: "border-green-400 bg-green-50 text-green-900",
  GRANTED: "border-green-400 bg-green-50 text-green-900",
};

/** Bars drawn for a level, like its tone: how far it goes on the common ladder None < User < Department < Corporate. */
const pips: Record<Level, number> = { NONE: 0, OWN: 1, CUSTOMER: 2, SUBTREE: 3, GRANTED: 1 };

export const ladderOf = (permission: CustomerPermission): readonly Level[] => customerPermissionIndex.get(permission)?.levels ?? ["NONE"];

export function maxOf(maxLevels: Grants | undefined, permission: CustomerPermission): Level | null {
  if (!maxLevels) return null;
  return maxLevels[permission] ?? "NONE";
}

/** Whether `level` is within the bound (the administrator's own level of the permission); no bound allows all. */
export function allowed(maxLevels: Grants | undefined, permission: CustomerPermission, level: Level) {
  const max = maxOf(maxLevels, permission);
  return max === null || levelRank(permission, level) <= levelRank(permission, max);
}

/**
 * The level a "set all" gives one cell: the chosen one or, where the cell may not, the nearest below. A cell that
 * does not take the chosen level gets None: the only level a ladder lacks is User (customer-owned records), and
 * nothing lies between it and None.
 */
export function clampTo(permission: CustomerPermission, requested: Level, maxLevels: Grants | undefined): Level {
  const top = levelRank(permission, requested);
  const fitting = ladderOf(permission).filter((level) => levelRank(permission, level) <= top && allowed(maxLevels, permission, level));
  return fitting.at(-1) ?? "NONE";
}

export function LevelPips({ level }: { level: Level }) {
  return (
    <span aria-hidden className="flex shrink-0 items-end gap-px">
      {[1, 2, 3].map((step) => (
        <span
          key={step}
          className={cn(
            "w-1 rounded-sm",
            step === 1 ? "h-1.5" : step === 2 ? "h-2.5" : "h-3.5",
            pips[level] >= step ? "bg-current" : "bg-slate-200",
          )}
        />
      ))}
    </span>
  );
}

export function SetAll({
  label,
  levels,
  onSet,
  className,
}: {
  label: string;
  levels: readonly Level[];
  onSet: (level: Level) => void;
  className?: string;
}) {
  return (
    <select
      aria-label={label}
      title={label}
      value=""
      onChange={(event) => {
        if (event.target.value) onSet(event.target.value as Level);
      }}
      className={cn(
        "block rounded border border-slate-300 bg-white px-1 py-0.5 text-xs font-normal normal-case tracking-normal text-slate-600",
        className ?? "mt-1 w-full",
      )}
    >
      <option value="">Set all…</option>
      {levels.map((level) => (
        <option key={level} value={level}>
          {levelShortLabels[level]}
        </option>
      ))}
    </select>
  );
}

/** One cell of the matrix: a level picker (or the level, read-only), marked when above the bound. */
export function LevelCell({
  permission,
  label,
  level,
  maxLevels,
  over,
  onSet,
}: {
  permission: CustomerPermission;
  label: string;
  level: Level;
  maxLevels: Grants | undefined;
  over: boolean;
  onSet?: (level: Level) => void;
}) {
  const max = maxOf(maxLevels, permission);
  return (
    <td className="px-1.5 py-2" data-permission={permission}>
      <div className={cn("flex items-center gap-1.5 rounded border px-1.5", tones[level], over && "border-red-500 ring-2 ring-red-200")}>
        <LevelPips level={level} />
        {onSet ? (
          <select
            aria-label={label}
            title={over && max ? `Above your own level (${levelShortLabels[max]})` : label}
            aria-invalid={over || undefined}
            value={level}
            onChange={(event) => onSet(event.target.value as Level)}
            className="w-full min-w-[6.25rem] cursor-pointer bg-transparent py-1 text-xs font-medium outline-none"
          >
            {ladderOf(permission).map((option) => (
              <option key={option} value={option} disabled={!allowed(maxLevels, permission, option)}>
                {levelShortLabels[option]}
                {option !== level && !allowed(maxLevels, permission, option) && max ? ` — above yours (${levelShortLabels[max]})` : ""}
              </option>
            ))}
          </select>
        ) : (
          <span className="py-1 text-xs font-medium" aria-label={`${label}: ${levelShortLabels[level]}`}>
            {levelShortLabels[level]}
          </span>
        )}
      </div>
    </td>
  );
}

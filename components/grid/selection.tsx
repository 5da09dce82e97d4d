"use client";
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/client-form";
import type { MassResult } from "@/server/schemas/grid";

/**
 * Row selection for mass actions. The provider knows the ids on the page; the header box selects them all, each
 * row box one; `useSelection` gives the action bar what is selected. Selection is per page: a new page starts empty.
 */

type Selection = {
  ids: readonly number[];
  selected: ReadonlySet<number>;
  toggle: (id: number) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function SelectionProvider({ ids, children }: { ids: readonly number[]; children: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const value = useMemo<Selection>(() => {
    const onPage = new Set(ids);
    // Rows that left the page (after a refresh) drop out of the selection.
    const current = new Set([...selected].filter((id) => onPage.has(id)));
    return {
      ids,
      selected: current,
      toggle: (id) =>
        setSelected((previous) => {
          const next = new Set(previous);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
      setAll: (on) => setSelected(on ? new Set(ids) : new Set()),
      clear: () => setSelected(new Set()),
    };
  }, [ids, selected]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection() {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection needs a SelectionProvider.");
  return selection;
}

const box = "size-4 rounded border-slate-300 text-brand-600";

export function SelectAllBox({ label = "Select all rows on this page" }: { label?: string }) {
  const { ids, selected, setAll } = useSelection();
  const hydrated = useHydrated();
  const all = ids.length > 0 && selected.size === ids.length;
  return (
    <input
      type="checkbox"
      className={box}
      aria-label={label}
      disabled={!hydrated || ids.length === 0}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = selected.size > 0 && !all;
      }}
      onChange={(event) => setAll(event.target.checked)}
    />
  );
}

export function SelectRowBox({ id, label }: { id: number; label: string }) {
  const { selected, toggle } = useSelection();
  const hydrated = useHydrated();
  return (
    <input type="checkbox" className={box} aria-label={label} disabled={!hydrated} checked={selected.has(id)} onChange={() => toggle(id)} />
  );
}

/** What a mass action did, said plainly: how many changed, and each row left alone with the reason. */
export function MassResultReport({ result, verb, onDismiss }: { result: MassResult; verb: string; onDismiss: () => void }) {
  return (
    <div role="status" data-testid="mass-result" className="border-b border-slate-200 bg-slate-50 px-4 py-3 text-sm">
      <div className="flex items-start justify-between gap-4">
        <p className="font-medium text-slate-900">
          {result.done.length === 0
            ? `Nothing was ${verb}.`
            : `${result.done.length} ${result.done.length === 1 ? "row" : "rows"} ${verb}.`}
          {result.skipped.length ? ` ${result.skipped.length} skipped:` : ""}
        </p>
        <button type="button" onClick={onDismiss} className="text-xs text-slate-500 hover:text-slate-900">
          Dismiss
        </button>
      </div>
      {result.skipped.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
          {result.skipped.map((row) => (
            <li key={row.id}>
              <span className="font-medium">{row.label}</span>: {row.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

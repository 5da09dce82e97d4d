"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/ui/client-form";
import { Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Choice = { id: number; name: string; parent: { name: string } | null };

/**
 * Picks one customer by typing part of its name (WAI-ARIA combobox with a list box): the chosen id goes into a
 * hidden input called `name`, so the picker works inside a GET filter form. Only customers the staff member
 * reaches are offered. `initial`: the customer chosen already (from the URL).
 */
export function CustomerPicker({ id, name, initial }: { id: string; name: string; initial: { id: number; name: string } | null }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const listId = useId();
  const [chosen, setChosen] = useState(initial);
  const [text, setText] = useState(initial?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [search, setSearch] = useState("");
  // Ask the server after a short pause in typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const choices = useQuery(trpc.admin.customerUsers.customerChoices.queryOptions({ search, limit: 20 }, { enabled: open, placeholderData: (previous) => previous }));
  const options: Choice[] = choices.data ?? [];

  const choose = (choice: Choice | null) => {
    setChosen(choice ? { id: choice.id, name: choice.name } : null);
    setText(choice?.name ?? "");
    setOpen(false);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((at) => (options.length ? (at + step + options.length) % options.length : 0));
    } else if (event.key === "Enter" && open && options[active]) {
      // Enter picks the highlighted customer instead of submitting the form.
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="relative w-64">
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <Input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active]!.id}` : undefined}
        autoComplete="off"
        placeholder="Any customer"
        disabled={!hydrated}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (chosen && event.target.value !== chosen.name) setChosen(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={chosen ? "pr-8" : undefined}
      />
      {chosen ? (
        <button type="button" aria-label="Clear the customer" onClick={() => choose(null)} className="absolute right-2 top-2 text-slate-400 hover:text-slate-700">
          ×
        </button>
      ) : null}
      {open ? (
        <ul id={listId} role="listbox" aria-label="Customers" className="absolute z-20 mt-1 max-h-72 w-80 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {options.length === 0 ? (
            <li className="px-3 py-1.5 text-slate-500">{choices.isFetching ? "Searching…" : "No customer matches."}</li>
          ) : (
            options.map((option, index) => (
              <li
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={index === active}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
                className={cn("cursor-pointer px-3 py-1.5", index === active ? "bg-slate-100" : "hover:bg-slate-50")}
              >
                <div className="text-slate-900">{option.name}</div>
                {option.parent ? <div className="text-xs text-slate-500">part of {option.parent.name}</div> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}

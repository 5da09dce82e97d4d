"use client";
import { useEffect, useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";

export type PickedCustomer = { id: number; name: string };

/**
 * Chooses a customer by typing part of its name (WAI-ARIA combobox with a list): arrows move, Enter picks, Escape
 * closes. Each suggestion shows its ancestry, so namesakes in different trees can be told apart. `source`: the
 * customers one may view (default), or those whose users one sees (the Customer Users grid's filter).
 */
export function CustomerPicker({
  id,
  value,
  onChange,
  describedBy,
  invalid,
  placeholder = "Type to search customers…",
  source = "customers",
}: {
  id: string;
  value: PickedCustomer | null;
  onChange: (value: PickedCustomer | null) => void;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  source?: "customers" | "customerUsers";
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // A short pause after typing before asking the server, so a name typed quickly is one request.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  const customers = useQuery({ ...trpc.admin.customers.pick.queryOptions({ search }), enabled: open && source === "customers", placeholderData: keepPreviousData });
  const ofUsers = useQuery({
    ...trpc.admin.customerUsers.customerChoices.queryOptions({ search, purpose: "view" }),
    enabled: open && source === "customerUsers",
    placeholderData: keepPreviousData,
  });
  const query = source === "customers" ? customers : ofUsers;
  const options =
    source === "customers"
      ? (customers.data ?? [])
      : (ofUsers.data ?? []).map((c) => ({ id: c.id, name: c.name, enabled: c.enabled, ancestry: c.parentName ? [c.parentName] : [] }));

  const pick = (option: PickedCustomer) => {
    onChange({ id: option.id, name: option.name });
    setText(option.name);
    setOpen(false);
  };

  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Leaving the field with text that names no choice puts the chosen customer's name back.
          setText(value?.name ?? "");
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
            if (options.length) setActive((current) => (current + (event.key === "ArrowDown" ? 1 : -1) + options.length) % options.length);
          } else if (event.key === "Enter" && open && options[active]) {
            event.preventDefault();
            pick(options[active]);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label="Customers" className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {options.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{query.isFetching ? "Searching…" : "No customer matches."}</li>
          ) : (
            options.map((option, index) => (
              <li
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={value?.id === option.id}
                // Picking on mouse down: the input's blur would close the list before a click lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
                onMouseEnter={() => setActive(index)}
                className={cn("cursor-pointer px-3 py-1.5", index === active ? "bg-brand-50" : "hover:bg-slate-50")}
              >
                <span className="font-medium text-slate-900">{option.name}</span>
                {option.enabled ? null : <span className="ml-2 text-xs text-red-700">disabled</span>}
                {option.ancestry.length ? <span className="block text-xs text-slate-500">{option.ancestry.join(" › ")}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}

"use client";
import { useEffect, useId, useState } from "react";
import { keepPreviousData, useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";

export type PickedCustomer = { id: number; name: string };
/** What a suggestion shows. */
export type CustomerOption = PickedCustomer & { enabled: boolean; ancestry: string[] };
/** Where suggestions come from: a query of customers matching what was typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tRPC's query options carry their own key and error types
export type CustomerChoices<O extends CustomerOption> = (search: string) => UseQueryOptions<O[], any, O[], any>;

/**
 * Chooses a customer by typing part of its name (WAI-ARIA combobox with a list): arrows move, Enter picks, Escape
 * closes. Each suggestion shows its ancestry, so namesakes in different trees can be told apart. `choices` says which
 * customers are offered (by default every one the staff member sees); `onChange` also gets the whole suggestion.
 */
export function CustomerPicker<O extends CustomerOption = CustomerOption>({
  id,
  value,
  onChange,
  choices,
  describedBy,
  invalid,
  placeholder = "Type to search customers…",
}: {
  id: string;
  value: PickedCustomer | null;
  onChange: (value: PickedCustomer | null, option?: O) => void;
  choices?: CustomerChoices<O>;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
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

  const source =
    choices ?? ((text: string) => trpc.admin.customers.pick.queryOptions({ search: text }) as unknown as ReturnType<CustomerChoices<O>>);
  const query = useQuery({ ...source(search), enabled: open, placeholderData: keepPreviousData });
  const options = query.data ?? [];

  const pick = (option: O) => {
    onChange({ id: option.id, name: option.name }, option);
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
        <ul
          id={listId}
          role="listbox"
          aria-label="Customers"
          className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
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

"use client";
import { useDeferredValue, useId, useState, type KeyboardEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Field, Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { customerPurposes } from "@/server/schemas/customerUser";

export type CustomerChoice = { id: number; name: string; parentName: string | null; salesRepresentativeIds: number[] };

/**
 * Picks a customer by typing part of its name (there may be a hundred thousand): a combobox over
 * admin.customerUsers.customerChoices, which offers only customers the staff member may use for `purpose`.
 */
export function CustomerPicker({
  label,
  value,
  onChange,
  purpose,
  error,
  hint,
  required,
}: {
  label: string;
  value: { id: number; name: string } | null;
  onChange: (customer: CustomerChoice | null) => void;
  purpose: (typeof customerPurposes)[number];
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDeferredValue(text === value?.name ? "" : text);
  const choices = useQuery({ ...trpc.admin.customerUsers.customerChoices.queryOptions({ search, purpose }), enabled: open });
  const options = choices.data ?? [];

  const choose = (choice: CustomerChoice) => {
    setText(choice.name);
    setOpen(false);
    onChange(choice);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && options[active]) {
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(ids) => (
        <div className="relative">
          <Input
            {...ids}
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${listId}-${options[active]!.id}` : undefined}
            autoComplete="off"
            placeholder="Type to search customers…"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
              setOpen(true);
              if (value) onChange(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {open ? (
            <ul
              id={listId}
              role="listbox"
              aria-label={`${label} choices`}
              className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
            >
              {choices.isPending ? <li className="px-3 py-2 text-slate-500">Searching…</li> : null}
              {choices.isSuccess && options.length === 0 ? <li className="px-3 py-2 text-slate-500">No customer you may choose matches.</li> : null}
              {options.map((option, index) => (
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
                  onMouseEnter={() => setActive(index)}
                  className={cn("cursor-pointer px-3 py-2", index === active && "bg-brand-50")}
                >
                  <span className="font-medium text-slate-900">{option.name}</span>
                  {option.parentName ? <span className="ml-2 text-xs text-slate-500">under {option.parentName}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Field>
  );
}

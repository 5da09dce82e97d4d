"use client";
import { useDeferredValue, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Field, Input, Select } from "@/components/ui/field";
import { useRolesApi } from "./api";
import type { Audience } from "./paths";

export type CustomerOption = { id: number; name: string };

/**
 * Chooses the customer a role belongs to: type part of a name to narrow the list (the first 20 matches the actor
 * may build roles for are offered). Staff may choose none: a predefined role, available to every customer.
 */
export function CustomerPicker({
  audience,
  value,
  onChange,
  allowPredefined,
  error,
  hint,
}: {
  audience: Audience;
  value: CustomerOption | null;
  onChange: (value: CustomerOption | null) => void;
  allowPredefined: boolean;
  error?: string;
  hint?: string;
}) {
  const api = useRolesApi(audience);
  const [search, setSearch] = useState("");
  const term = useDeferredValue(search.trim());
  const options = useQuery({
    queryKey: ["roles", audience, "customerOptions", term],
    queryFn: () => api.customerOptions.query({ search: term || undefined }),
  });
  const found = (options.data ?? []).map((c) => ({ id: c.id, name: c.parent ? `${c.name} (part of ${c.parent.name})` : c.name }));
  const list = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  return (
    <Field label="Customer" hint={hint} error={error}>
      {(ids) => (
        <div className="flex flex-wrap gap-2">
          <Input
            type="search"
            aria-label="Find a customer by name"
            placeholder="Find a customer…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="w-48"
          />
          <Select
            {...ids}
            className="min-w-56 flex-1"
            value={value ? String(value.id) : ""}
            onChange={(event) => {
              const id = Number(event.target.value);
              onChange(id ? (list.find((c) => c.id === id) ?? null) : null);
            }}
          >
            {allowPredefined ? (
              <option value="">None: predefined, for every customer</option>
            ) : value ? null : (
              <option value="">Choose a customer</option>
            )}
            {list.map((customer) => (
              <option key={customer.id} value={customer.id}>
                {customer.name}
              </option>
            ))}
          </Select>
          {options.isFetching ? <span className="self-center text-xs text-slate-500">Searching…</span> : null}
        </div>
      )}
    </Field>
  );
}

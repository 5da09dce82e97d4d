"use client";
import { useState } from "react";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/ui/client-form";
import { CustomerPicker as Combobox, type PickedCustomer } from "./customers/customer-picker";

/**
 * The Customer Users grid's customer filter: the customer picker over the customers whose users the staff member
 * sees, with the chosen id in a hidden input called `name`, so it works inside the grid's GET filter form.
 * `initial`: the customer chosen already (from the URL).
 */
export function CustomerFilterPicker({ id, name, initial }: { id: string; name: string; initial: PickedCustomer | null }) {
  const hydrated = useHydrated();
  const trpc = useTRPC();
  const [chosen, setChosen] = useState(initial);
  return (
    <div className="relative w-64">
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <fieldset disabled={!hydrated}>
        <Combobox
          id={id}
          value={chosen}
          onChange={setChosen}
          choices={(search) => trpc.admin.customerUsers.customerChoices.queryOptions({ search, purpose: "view" })}
          placeholder="Any customer"
        />
      </fieldset>
      {chosen ? (
        <button
          type="button"
          aria-label="Clear the customer"
          onClick={() => setChosen(null)}
          className="absolute right-2 top-2 text-slate-400 hover:text-slate-700"
        >
          ×
        </button>
      ) : null}
    </div>
  );
}

"use client";
import { useDeferredValue, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, refetchAfterChange } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";
import { Input } from "@/components/ui/field";
import { useRolesApi } from "./api";
import type { Audience } from "./paths";

/** Takes the role from one user; a refusal (the user's last role, the company's last manager) is shown as is. */
export function RemoveRoleUserButton({
  audience,
  roleId,
  user,
}: {
  audience: Audience;
  roleId: number;
  user: { id: number; name: string };
}) {
  const api = useRolesApi(audience);
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const remove = async () => {
    setPending(true);
    try {
      await api.removeUsers.mutate({ roleId, userIds: [user.id] });
      toast.success(`${user.name} no longer has this role.`);
      router.refresh();
    } catch (error) {
      toast.error(messageOf(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      variant="ghost"
      className="px-2 py-1 text-xs text-red-700"
      disabled={!hydrated || pending}
      onClick={remove}
      aria-label={`Remove the role from ${user.name}`}
    >
      Remove
    </Button>
  );
}

/** Finds users who could be given the role (within the actor's reach) and adds them one by one. */
export function AddRoleUsers({ audience, roleId, scopeNote }: { audience: Audience; roleId: number; scopeNote: string }) {
  const api = useRolesApi(audience);
  const router = useRouter();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const term = useDeferredValue(search.trim());
  const queryKey = ["roles", audience, "candidates", roleId, term];
  const candidates = useQuery({ queryKey, queryFn: () => api.candidates.query({ roleId, search: term || undefined }), enabled: open });
  const [adding, setAdding] = useState<number | null>(null);
  const add = async (user: { id: number; firstName: string; lastName: string }) => {
    setAdding(user.id);
    try {
      await api.addUsers.mutate({ roleId, userIds: [user.id] });
      toast.success(`${user.firstName} ${user.lastName} now has this role.`);
      await refetchAfterChange(queryClient, ["roles", audience, "candidates", roleId]);
      router.refresh();
    } catch (error) {
      toast.error(messageOf(error));
    } finally {
      setAdding(null);
    }
  };
  if (!open) {
    return (
      <div className="border-t border-slate-200 px-5 py-3">
        <Button variant="secondary" disabled={!hydrated} onClick={() => setOpen(true)}>
          Add users…
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2 border-t border-slate-200 px-5 py-4" data-testid="add-role-users">
      <div className="flex items-center justify-between">
        <label className="block text-sm font-medium text-slate-700" htmlFor={`add-users-${roleId}`}>
          Add users
        </label>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setOpen(false)}>
          Done
        </Button>
      </div>
      <p className="text-xs text-slate-500">{scopeNote}</p>
      <Input
        id={`add-users-${roleId}`}
        type="search"
        placeholder="Find by name or email…"
        value={search}
        autoFocus
        onChange={(event) => setSearch(event.target.value)}
        className="max-w-sm"
      />
      {candidates.data?.length === 0 ? <p className="text-sm text-slate-500">Nobody else to add{term ? " matches" : ""}.</p> : null}
      <ul className="divide-y divide-slate-100" aria-label="Users who can be added">
        {candidates.data?.map((user) => (
          <li key={user.id} className="flex items-center justify-between gap-3 py-1.5 text-sm">
            <span>
              {user.firstName} {user.lastName}{" "}
              <span className="text-slate-500">
                · {user.email} · {user.customer.name}
              </span>
              {user.enabled ? null : <span className="text-slate-500"> · disabled</span>}
            </span>
            <Button
              variant="secondary"
              className="px-2 py-1 text-xs"
              disabled={adding !== null}
              onClick={() => add(user)}
              aria-label={`Add ${user.firstName} ${user.lastName}`}
            >
              Add
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

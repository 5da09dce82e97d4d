"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/client-form";
import { RowMenu, type RowMenuItem } from "@/components/grid/row-menu";
import { MassResultReport, useSelection } from "@/components/grid/selection";
import type { MassResult } from "@/server/schemas/grid";

/** The storefront users grid's actions: one row's menu, the mass-action bar, and the view page's buttons. */

type Person = { id: number; name: string; enabled: boolean };
type Can = { edit: boolean; delete: boolean };

/** Enable/disable and delete for one user, with a confirmation before deleting; `onDeleted` after a delete. */
function useUserActions(person: Person, onDeleted?: () => void) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const setEnabled = useMutation(
    trpc.account.users.setEnabled.mutationOptions({
      onSuccess: (user) => {
        toast.success(`${person.name} is now ${user.enabled ? "enabled" : "disabled"}.`);
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const remove = useMutation(
    trpc.account.users.delete.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        toast.success(`${person.name} was deleted.`);
        if (onDeleted) onDeleted();
        else router.refresh();
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(messageOf(error));
      },
    }),
  );
  const dialog = (
    <ConfirmDialog
      open={confirming}
      title={`Delete ${person.name}?`}
      confirmLabel="Delete user"
      pending={remove.isPending}
      onCancel={() => setConfirming(false)}
      onConfirm={() => remove.mutate({ id: person.id })}
    >
      The account is removed and can no longer sign in. Their orders, quotes and shopping lists stay with the company.
    </ConfirmDialog>
  );
  return {
    toggle: () => setEnabled.mutate({ id: person.id, enabled: !person.enabled }),
    toggling: setEnabled.isPending,
    askDelete: () => setConfirming(true),
    dialog,
  };
}

export function UserRowMenu({ person, can, self }: { person: Person; can: Can; self: boolean }) {
  const actions = useUserActions(person);
  const items: RowMenuItem[] = [{ label: "View", href: `/account/users/${person.id}` }];
  if (can.edit) items.push({ label: "Edit", href: `/account/users/${person.id}/edit` });
  if (can.edit && !self) items.push({ label: person.enabled ? "Disable" : "Enable", onSelect: actions.toggle, disabled: actions.toggling });
  if (can.delete && !self) items.push({ label: "Delete", onSelect: actions.askDelete, danger: true });
  return (
    <>
      <RowMenu label={`Actions for ${person.name}`} items={items} />
      {actions.dialog}
    </>
  );
}

/** The view page's buttons: enable/disable and delete (never for oneself). */
export function UserButtons({ person, can }: { person: Person; can: Can }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const actions = useUserActions(person, () => router.push("/account/users"));
  return (
    <>
      {can.edit ? (
        <Button variant="secondary" disabled={!hydrated || actions.toggling} onClick={actions.toggle}>
          {person.enabled ? "Disable" : "Enable"}
        </Button>
      ) : null}
      {can.delete ? (
        <Button variant="danger" disabled={!hydrated} onClick={actions.askDelete}>
          Delete
        </Button>
      ) : null}
      {actions.dialog}
    </>
  );
}

const verbs = { enable: "enabled", disable: "disabled", delete: "deleted" } as const;
type MassVerb = keyof typeof verbs;

/** The bar above the grid: what is selected, and enable, disable or delete it all (yourself and refusals are skipped). */
export function UserMassActions({ can }: { can: Can }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const { selected, clear } = useSelection();
  const [report, setReport] = useState<{ verb: MassVerb; result: MassResult } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The report shows once the grid shows the new state, never "3 disabled" above rows still marked enabled.
  const [refreshing, startRefresh] = useTransition();
  const done = (verb: MassVerb) => (result: MassResult) => {
    setReport({ verb, result });
    setConfirming(false);
    clear();
    startRefresh(() => router.refresh());
  };
  const fail = (error: unknown) => {
    setConfirming(false);
    toast.error(messageOf(error));
  };
  const setEnabled = useMutation(trpc.account.users.massSetEnabled.mutationOptions({ onError: fail }));
  const remove = useMutation(trpc.account.users.massDelete.mutationOptions({ onSuccess: done("delete"), onError: fail }));
  const ids = [...selected];
  const pending = setEnabled.isPending || remove.isPending || refreshing;
  const off = !hydrated || pending || ids.length === 0;
  return (
    <>
      {report && !refreshing ? (
        <MassResultReport result={report.result} verb={verbs[report.verb]} onDismiss={() => setReport(null)} />
      ) : null}
      <div
        className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm"
        role="toolbar"
        aria-label="Selected users"
      >
        <span className="text-slate-600" data-testid="selected-count">
          {ids.length ? `${ids.length} selected` : "Select users to act on several at once."}
        </span>
        {can.edit ? (
          <>
            <Button
              variant="secondary"
              className="py-1"
              disabled={off}
              onClick={() => setEnabled.mutate({ ids, enabled: true }, { onSuccess: done("enable") })}
            >
              Enable
            </Button>
            <Button
              variant="secondary"
              className="py-1"
              disabled={off}
              onClick={() => setEnabled.mutate({ ids, enabled: false }, { onSuccess: done("disable") })}
            >
              Disable
            </Button>
          </>
        ) : null}
        {can.delete ? (
          <Button variant="secondary" className="py-1 text-red-700" disabled={off} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${ids.length} ${ids.length === 1 ? "user" : "users"}?`}
        confirmLabel="Delete users"
        pending={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ ids })}
      >
        Their accounts are removed and can no longer sign in. Users who placed orders, quotes, requests for quote or shopping lists are kept
        (those records must keep who placed them; disable them instead), and so are you and anyone the rules protect: those are skipped,
        with the reason.
      </ConfirmDialog>
    </>
  );
}

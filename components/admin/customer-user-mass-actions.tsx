"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { MassResultReport, useSelection } from "@/components/grid/selection";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { MassResult } from "@/server/schemas/grid";
import type { CustomerUserPermissions } from "./customer-user-permissions";

type Verb = "enable" | "disable" | "delete";
const past: Record<Verb, string> = { enable: "enabled", disable: "disabled", delete: "deleted" };

/**
 * The grid's bar for the selected rows: enable, disable or delete them all. Each row goes through the single
 * action's rules on the server, so some may be skipped; the report says which and why. Disabling and deleting
 * ask first.
 */
export function CustomerUserMassActions({ can }: { can: Pick<CustomerUserPermissions, "enable" | "delete"> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { selected, clear } = useSelection();
  const [asking, setAsking] = useState<Verb | null>(null);
  const [report, setReport] = useState<{ verb: Verb; result: MassResult } | null>(null);
  // The report shows once the grid shows the change, never "2 disabled" above rows still marked enabled.
  const [refreshing, startRefresh] = useTransition();
  const finish = (verb: Verb) => (result: MassResult) => {
    setAsking(null);
    setReport({ verb, result });
    clear();
    startRefresh(() => router.refresh());
  };
  const onError = (error: unknown) => {
    setAsking(null);
    toast.error(messageOf(error));
  };
  const setEnabled = useMutation(trpc.admin.customerUsers.massSetEnabled.mutationOptions({ onError }));
  const remove = useMutation(trpc.admin.customerUsers.massDelete.mutationOptions({ onSuccess: finish("delete"), onError }));
  const ids = [...selected];
  const n = ids.length;
  const rows = `${n} selected ${n === 1 ? "user" : "users"}`;
  const pending = setEnabled.isPending || remove.isPending || refreshing;
  const enable = (enabled: boolean) => setEnabled.mutate({ ids, enabled }, { onSuccess: finish(enabled ? "enable" : "disable") });

  if (!can.enable && !can.delete) return null;
  return (
    <>
      {report && !refreshing ? (
        <MassResultReport result={report.result} verb={past[report.verb]} onDismiss={() => setReport(null)} />
      ) : null}
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm" data-testid="mass-actions">
        <span className="text-slate-600">{n ? `${n} selected` : "Select rows for mass actions"}</span>
        {can.enable ? (
          <>
            <Button variant="secondary" className="px-2.5 py-1 text-xs" disabled={!n || pending} onClick={() => enable(true)}>
              Enable selected
            </Button>
            <Button variant="secondary" className="px-2.5 py-1 text-xs" disabled={!n || pending} onClick={() => setAsking("disable")}>
              Disable selected
            </Button>
          </>
        ) : null}
        {can.delete ? (
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs text-red-700"
            disabled={!n || pending}
            onClick={() => setAsking("delete")}
          >
            Delete selected
          </Button>
        ) : null}
      </div>
      {asking === "disable" ? (
        <ConfirmDialog
          open
          title={`Disable ${rows}?`}
          confirmLabel="Disable"
          pending={pending}
          onCancel={() => setAsking(null)}
          onConfirm={() => enable(false)}
        >
          <p>
            They are signed out at once and cannot sign in until enabled again. Users the rules protect (the last one who can manage a
            company&apos;s users, for example) are skipped, and the report says why.
          </p>
        </ConfirmDialog>
      ) : null}
      {asking === "delete" ? (
        <ConfirmDialog
          open
          title={`Delete ${rows}?`}
          confirmLabel="Delete"
          pending={pending}
          onCancel={() => setAsking(null)}
          onConfirm={() => remove.mutate({ ids })}
        >
          <p>
            This cannot be undone. Users who placed orders, quotes, requests for quote or shopping lists are not deleted (those records must
            keep who placed them), nor is the last user who can manage a company&apos;s users; the report lists them.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { RowMenu, type RowMenuItem } from "@/components/grid/row-menu";
import { messageOf, useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { CustomerUserActionTarget, CustomerUserPermissions } from "./customer-user-permissions";

/**
 * The actions staff take on one customer user, in one implementation for the grid's "More options" menu
 * (`CustomerUserRowMenu`) and the user's page header (`CustomerUserActionBar`).
 *
 * Props of both:
 * - `user`: the user as the grid or page shows them — `{ id, firstName, lastName, email, enabled, confirmed,
 *   authStatus, erased }` (`confirmed`: has a confirmation date; `erased`: personal data erased).
 * - `can`: what the signed-in staff member may do, from `customerUserPermissions(staff.grants)`
 *   (components/admin/customer-user-permissions.ts). An action shows only with its permission, and only when it
 *   applies (no "Confirm" for a confirmed user, no "Enable" for an enabled one...).
 * - `afterDelete` (optional): where to go once the user is deleted, e.g. "/admin/customer-users" from the user's
 *   page; without it the current page is refreshed.
 *
 * Disabling, forcing a password reset and deleting ask first (a confirmation dialog saying what will happen);
 * every outcome is told in a toast, and the page is refreshed so it shows the new state.
 */

type Props = { user: CustomerUserActionTarget; can: CustomerUserPermissions; afterDelete?: string };

type ActionKey = "enable" | "disable" | "confirm" | "resendConfirmation" | "resetPassword" | "sendWelcome" | "delete";
type Action = { key: ActionKey; label: string; danger?: boolean; run: () => void };

const labels: Record<ActionKey, string> = {
  enable: "Enable",
  disable: "Disable",
  confirm: "Confirm",
  resendConfirmation: "Resend confirmation email",
  resetPassword: "Reset password",
  sendWelcome: "Send welcome email",
  delete: "Delete",
};

/** The actions that apply to this user and that the staff member holds, in menu order. */
export function applicableActions(user: CustomerUserActionTarget, can: CustomerUserPermissions): ActionKey[] {
  const live = !user.erased;
  const keys: [ActionKey, boolean][] = [
    ["enable", can.enable && live && !user.enabled],
    ["disable", can.enable && user.enabled],
    ["confirm", can.confirm && live && !user.confirmed],
    ["resendConfirmation", can.confirm && live && !user.confirmed],
    ["sendWelcome", can.sendWelcome && live && user.enabled],
    ["resetPassword", can.resetPassword && live],
    ["delete", can.delete],
  ];
  return keys.filter(([, applies]) => applies).map(([key]) => key);
}

function useCustomerUserActions({ user, can, afterDelete }: Props): { actions: Action[]; dialog: ReactNode } {
  const trpc = useTRPC();
  const router = useRouter();
  const [asking, setAsking] = useState<"disable" | "resetPassword" | "delete" | null>(null);
  const name = `${user.firstName} ${user.lastName}`;
  const done = (message: string) => {
    toast.success(message);
    setAsking(null);
    router.refresh();
  };
  const failed = (error: unknown) => {
    toast.error(messageOf(error));
    setAsking(null);
  };
  const options = { onError: failed };
  const setEnabled = useMutation(
    trpc.admin.customerUsers.setEnabled.mutationOptions({
      ...options,
      onSuccess: (r) => done(`${name} is now ${r.enabled ? "enabled" : "disabled"}.`),
    }),
  );
  const confirm = useMutation(
    trpc.admin.customerUsers.confirm.mutationOptions({
      ...options,
      onSuccess: () => done(`${name} is confirmed; the welcome email is on its way to ${user.email}.`),
    }),
  );
  const resend = useMutation(
    trpc.admin.customerUsers.resendConfirmation.mutationOptions({
      ...options,
      onSuccess: () => done(`A new confirmation link was sent to ${user.email}.`),
    }),
  );
  const reset = useMutation(
    trpc.admin.customerUsers.resetPassword.mutationOptions({
      ...options,
      onSuccess: () => done(`${name} must choose a new password; the link was sent to ${user.email}.`),
    }),
  );
  const welcome = useMutation(
    trpc.admin.customerUsers.sendWelcome.mutationOptions({
      ...options,
      onSuccess: () => done(`The welcome email was sent to ${user.email}.`),
    }),
  );
  const remove = useMutation(
    trpc.admin.customerUsers.delete.mutationOptions({
      onError: failed,
      onSuccess: () => {
        toast.success(`${name} was deleted.`);
        setAsking(null);
        if (afterDelete) router.push(afterDelete);
        else router.refresh();
      },
    }),
  );
  const deletion = useQuery(
    trpc.admin.customerUsers.deletion.queryOptions({ id: user.id }, { enabled: asking === "delete", staleTime: 0 }),
  );

  const run: Record<ActionKey, () => void> = {
    enable: () => setEnabled.mutate({ id: user.id, enabled: true }),
    disable: () => setAsking("disable"),
    confirm: () => confirm.mutate({ id: user.id }),
    resendConfirmation: () => resend.mutate({ id: user.id }),
    sendWelcome: () => welcome.mutate({ id: user.id }),
    resetPassword: () => setAsking("resetPassword"),
    delete: () => setAsking("delete"),
  };
  const actions = applicableActions(user, can).map((key) => ({
    key,
    label: labels[key],
    danger: key === "delete" || key === "disable",
    run: run[key],
  }));
  const cancel = () => setAsking(null);

  const removes = deletion.data?.removes;
  const removed = removes
    ? [
        [removes.addresses, "address", "addresses"],
        [removes.notes, "note", "notes"],
        [removes.events, "calendar event", "calendar events"],
        [removes.oauthApplications, "OAuth application", "OAuth applications"],
        [removes.consents, "consent record", "consent records"],
      ].flatMap(([n, one, many]) => (Number(n) > 0 ? [`${n} ${n === 1 ? one : many}`] : []))
    : [];

  const dialog = (
    <>
      {asking === "disable" ? (
        <ConfirmDialog
          open
          title={`Disable ${name}?`}
          confirmLabel="Disable"
          pending={setEnabled.isPending}
          onCancel={cancel}
          onConfirm={() => setEnabled.mutate({ id: user.id, enabled: false })}
        >
          <p>{name} is signed out at once and cannot sign in until enabled again. Nothing else about the account changes.</p>
        </ConfirmDialog>
      ) : null}
      {asking === "resetPassword" ? (
        <ConfirmDialog
          open
          title={`Reset the password of ${name}?`}
          confirmLabel="Reset password"
          pending={reset.isPending}
          onCancel={cancel}
          onConfirm={() => reset.mutate({ id: user.id })}
        >
          <p>
            {name} is signed out at once and cannot sign in until they choose a new password through the link we email to{" "}
            <strong>{user.email}</strong>.
            {user.authStatus === "RESET" ? " A reset is already pending: the new link replaces the old one." : ""}
          </p>
        </ConfirmDialog>
      ) : null}
      {asking === "delete" ? (
        <ConfirmDialog
          open
          title={`Delete ${name}?`}
          confirmLabel="Delete"
          pending={remove.isPending}
          confirmDisabled={deletion.isFetching || !deletion.data || !!deletion.data.refusal}
          onCancel={cancel}
          onConfirm={() => remove.mutate({ id: user.id })}
        >
          {deletion.isError ? (
            <Alert tone="error">{messageOf(deletion.error)}</Alert>
          ) : !deletion.data ? (
            <p>Checking what belongs to {name}…</p>
          ) : deletion.data.refusal ? (
            <Alert tone="error" testId="delete-refusal">
              {deletion.data.refusal}
            </Alert>
          ) : (
            <div className="space-y-2" data-testid="delete-impact">
              <p>This cannot be undone.</p>
              <p>{removed.length ? `Deleted with the account: ${removed.join(", ")}.` : "Nothing else is deleted with the account."}</p>
              <p className="text-slate-500">
                The audit log keeps a record of the deletion; emails sent and sign-in attempts stay in their logs.
              </p>
            </div>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
  return { actions, dialog };
}

/** The grid row's "More options" menu: view, edit and sign-in-as links, then the actions (see the props above). */
export function CustomerUserRowMenu(props: Props) {
  const { actions, dialog } = useCustomerUserActions(props);
  const { user, can } = props;
  const href = `/admin/customer-users/${user.id}`;
  const items: RowMenuItem[] = [
    ...(can.view ? [{ label: "View", href }] : []),
    ...(can.edit && !user.erased ? [{ label: "Edit", href: `${href}/edit` }] : []),
    ...(can.impersonate && user.enabled && !user.erased ? [{ label: "Sign in as this user", href: `${href}/impersonate` }] : []),
    ...actions.map((action) => ({ label: action.label, danger: action.danger, onSelect: action.run })),
  ];
  return (
    <>
      <RowMenu label={`More options for ${user.firstName} ${user.lastName}`} items={items} />
      {dialog}
    </>
  );
}

/** The user page's header buttons: edit and sign in as, then the actions (see the props above). */
export function CustomerUserActionBar(props: Props) {
  const { actions, dialog } = useCustomerUserActions(props);
  const hydrated = useHydrated();
  const { user, can } = props;
  return (
    <div className="flex flex-wrap gap-2" data-testid="customer-user-actions">
      {can.edit && !user.erased ? <ButtonLink href={`/admin/customer-users/${user.id}/edit`}>Edit</ButtonLink> : null}
      {can.impersonate && user.enabled && !user.erased ? (
        <ButtonLink variant="secondary" href={`/admin/customer-users/${user.id}/impersonate`}>
          Sign in as this user
        </ButtonLink>
      ) : null}
      {actions.map((action) => (
        <Button key={action.key} variant={action.key === "delete" ? "danger" : "secondary"} disabled={!hydrated} onClick={action.run}>
          {action.label}
        </Button>
      ))}
      {dialog}
    </div>
  );
}

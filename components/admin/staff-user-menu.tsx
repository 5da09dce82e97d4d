"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { RowMenu, type RowMenuItem } from "@/components/grid/row-menu";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/client-form";

type Member = { id: number; name: string; email: string; enabled: boolean; isSelf: boolean };

/** Enable, disable (after asking) and send a set-password link: shared by the grid's row menu and the member's page. */
function useStaffUserActions(member: Member) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const setEnabled = useMutation(
    trpc.admin.staffUsers.setEnabled.mutationOptions({
      onSuccess: (result) => {
        toast.success(`${member.name} is now ${result.enabled ? "enabled" : "disabled"}.`);
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
      onSettled: () => setConfirming(false),
    }),
  );
  const sendLink = useMutation(
    trpc.admin.staffUsers.sendPasswordLink.mutationOptions({
      onSuccess: ({ email }) => toast.success(`A set-password link is on its way to ${email}.`),
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const dialog = (
    <ConfirmDialog
      open={confirming}
      title={`Disable ${member.name}?`}
      confirmLabel="Disable"
      pending={setEnabled.isPending}
      onCancel={() => setConfirming(false)}
      onConfirm={() => setEnabled.mutate({ id: member.id, enabled: false })}
    >
      {member.name} ({member.email}) is signed out at once and cannot sign in until enabled again.
    </ConfirmDialog>
  );
  return {
    toggle: () => (member.enabled ? setConfirming(true) : setEnabled.mutate({ id: member.id, enabled: true })),
    sendLink: () => sendLink.mutate({ id: member.id }),
    pending: setEnabled.isPending || sendLink.isPending,
    canToggle: !member.isSelf,
    canSendLink: member.enabled,
    dialog,
  };
}

/** A staff member's actions in the grid's row menu. */
export function StaffUserMenu({ member, canEdit }: { member: Member; canEdit: boolean }) {
  const actions = useStaffUserActions(member);
  const items: RowMenuItem[] = [{ label: canEdit ? "Edit" : "View", href: `/admin/staff/${member.id}` }];
  if (canEdit && actions.canToggle)
    items.push({ label: member.enabled ? "Disable" : "Enable", danger: member.enabled, onSelect: actions.toggle });
  if (canEdit && actions.canSendLink) items.push({ label: "Send set-password link", onSelect: actions.sendLink });
  return (
    <>
      <RowMenu label={`Actions for ${member.name}`} items={items} />
      {actions.dialog}
    </>
  );
}

/** The same actions as buttons, on the member's page. */
export function StaffUserButtons({ member }: { member: Member }) {
  const actions = useStaffUserActions(member);
  const hydrated = useHydrated();
  return (
    <>
      {actions.canSendLink ? (
        <Button variant="secondary" onClick={actions.sendLink} disabled={!hydrated || actions.pending}>
          Send set-password link
        </Button>
      ) : null}
      {actions.canToggle ? (
        <Button variant={member.enabled ? "danger" : "primary"} onClick={actions.toggle} disabled={!hydrated || actions.pending}>
          {member.enabled ? "Disable" : "Enable"}
        </Button>
      ) : null}
      {actions.dialog}
    </>
  );
}

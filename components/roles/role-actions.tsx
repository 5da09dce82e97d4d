"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import dynamic from "next/dynamic";
import { toast } from "sonner";
import { messageOf } from "@/components/trpc";
import { RowMenu, type RowMenuItem } from "@/components/grid/row-menu";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { useRolesApi } from "./api";
import type { ActionRole } from "./action-role";
import { rolesPath, type Audience } from "./paths";

// Loaded when a clone is asked for: a grid of roles ships no form code until then.
const CloneForm = dynamic(() => import("./clone-form").then((m) => m.CloneForm), { loading: () => <p>Loading…</p> });

/**
 * Clone and delete for one role, as buttons (its page) or a row menu (the grid). A refused delete stays in the
 * dialog with the rule's reason.
 */
export function RoleActions({ audience, role, variant }: { audience: Audience; role: ActionRole; variant: "buttons" | "menu" }) {
  const api = useRolesApi(audience);
  const router = useRouter();
  const hydrated = useHydrated();
  const base = rolesPath(audience);
  const [cloning, setCloning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const remove = async () => {
    setPending(true);
    try {
      await api.delete.mutate({ id: role.id });
      setDeleting(false);
      toast.success(`"${role.label}" is deleted.`);
      if (variant === "buttons") router.push(base);
      router.refresh();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setPending(false);
    }
  };
  const askDelete = () => {
    setRefusal(null);
    setDeleting(true);
  };

  const dialogs = (
    <>
      <Dialog open={cloning} onClose={() => setCloning(false)} title={`Clone "${role.label}"`} footer={false}>
        {cloning ? <CloneForm audience={audience} role={role} onDone={() => setCloning(false)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={deleting}
        title={`Delete "${role.label}"?`}
        confirmLabel="Delete role"
        pending={pending}
        onCancel={() => {
          setDeleting(false);
          setRefusal(null);
        }}
        onConfirm={remove}
      >
        <div className="space-y-3">
          <p>
            The role and its permissions are removed. A role that users hold, a predefined role and a website&rsquo;s default role cannot be
            deleted.
          </p>
          {refusal ? (
            <Alert tone="error" testId="delete-refusal">
              {refusal}
            </Alert>
          ) : null}
        </div>
      </ConfirmDialog>
    </>
  );

  if (variant === "menu") {
    const items: RowMenuItem[] = [{ label: "View", href: `${base}/${role.id}` }];
    if (role.can.edit) items.push({ label: "Edit", href: `${base}/${role.id}/edit` });
    if (role.can.clone) items.push({ label: "Clone", onSelect: () => setCloning(true) });
    if (role.can.delete) items.push({ label: "Delete", onSelect: askDelete, danger: true });
    return (
      <>
        <RowMenu label={`Actions for ${role.label}`} items={items} />
        {dialogs}
      </>
    );
  }
  return (
    <>
      {role.can.edit ? <ButtonLink href={`${base}/${role.id}/edit`}>Edit</ButtonLink> : null}
      {role.can.clone ? (
        <Button variant="secondary" disabled={!hydrated} onClick={() => setCloning(true)}>
          Clone
        </Button>
      ) : null}
      {role.can.delete ? (
        <Button variant="danger" disabled={!hydrated} onClick={askDelete}>
          Delete
        </Button>
      ) : null}
      {dialogs}
    </>
  );
}

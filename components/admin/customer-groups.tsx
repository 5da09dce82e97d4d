"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { z } from "zod";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { RowMenu } from "@/components/grid/row-menu";
import { customerGroupInput } from "@/server/schemas/customer";

type Group = { id: number; name: string; customerCount: number };

/** Create (no group given) or rename a group; a name in use shows at the field. */
function GroupDialog({ group, open, onClose }: { group?: Group; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.customerGroups.create.mutationOptions());
  const update = useMutation(trpc.admin.customerGroups.update.mutationOptions());
  const form = useForm<z.input<typeof customerGroupInput>>({
    resolver: zodResolver(customerGroupInput),
    defaultValues: { name: group?.name ?? "" },
  });
  const onSubmit = form.handleSubmit(async ({ name }) => {
    try {
      const saved = group ? await update.mutateAsync({ id: group.id, name }) : await create.mutateAsync({ name });
      toast.success(group ? `The group is now called ${saved.name}.` : `${saved.name} is created.`);
      form.reset({ name: group ? saved.name : "" });
      onClose();
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <Dialog open={open} onClose={onClose} title={group ? `Rename ${group.name}` : "Create a customer group"} footer={false}>
      <ClientForm onSubmit={onSubmit} aria-label="Customer group" className="space-y-4">
        <TextField form={form} name="name" label="Name" required />
        <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : group ? "Save" : "Create group"}
          </Button>
        </div>
      </ClientForm>
    </Dialog>
  );
}

export function CreateGroupButton() {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button disabled={!hydrated} onClick={() => setOpen(true)}>
        Create group
      </Button>
      <GroupDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** A group row's menu: its customers, rename, delete (refused while customers are in it). */
export function GroupRowMenu({ group, can }: { group: Group; can: { edit: boolean; delete: boolean } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const remove = useMutation(
    trpc.admin.customerGroups.delete.mutationOptions({
      onSuccess: () => {
        setDialog(null);
        toast.success(`${group.name} is deleted.`);
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  return (
    <>
      <RowMenu
        label={`More options for ${group.name}`}
        items={[
          { label: "Show customers", href: `/admin/customers?group=${group.id}` },
          ...(can.edit ? [{ label: "Rename", onSelect: () => setDialog("edit") }] : []),
          ...(can.delete ? [{ label: "Delete", danger: true, onSelect: () => setDialog("delete") }] : []),
        ]}
      />
      {can.edit ? <GroupDialog key={group.name} group={group} open={dialog === "edit"} onClose={() => setDialog(null)} /> : null}
      <ConfirmDialog
        open={dialog === "delete"}
        title={`Delete ${group.name}?`}
        confirmLabel="Delete group"
        pending={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => remove.mutate({ id: group.id })}
      >
        {group.customerCount
          ? `${group.customerCount === 1 ? "1 customer is" : `${group.customerCount} customers are`} in this group: a group can only be deleted once it is empty.`
          : "The group is empty. This cannot be undone."}
      </ConfirmDialog>
    </>
  );
}

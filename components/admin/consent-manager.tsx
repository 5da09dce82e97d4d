"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { CheckboxField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { createConsentInput, type CreateConsentInput } from "@/server/schemas/consent";

type Consent = {
  id: number;
  title: string;
  body: string;
  mandatory: boolean;
  active: boolean;
  sortOrder: number;
  updatedAt: Date;
  acceptances: number;
  currentAcceptances: number;
};
type Can = { create: boolean; edit: boolean; delete: boolean };

const blank: CreateConsentInput = { title: "", body: "", mandatory: false, active: true, sortOrder: 0 };

function ConsentForm({ consent, onDone }: { consent: Consent | null; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.consents.create.mutationOptions());
  const update = useMutation(trpc.admin.consents.update.mutationOptions());
  const form = useForm<CreateConsentInput>({
    resolver: zodResolver(createConsentInput),
    defaultValues: consent
      ? { title: consent.title, body: consent.body, mandatory: consent.mandatory, active: consent.active, sortOrder: consent.sortOrder }
      : blank,
  });
  const wordingFixed = !!consent && consent.acceptances > 0;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (consent) await update.mutateAsync({ ...values, id: consent.id, updatedAt: consent.updatedAt });
      else await create.mutateAsync(values);
      toast.success(consent ? "The consent is saved." : "The consent is added.");
      onDone();
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4" aria-label={consent ? "Edit consent" : "New consent"}>
      {wordingFixed ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">
          Accepted {consent.acceptances === 1 ? "once" : `${consent.acceptances} times`}: the wording stays as it was accepted. To change
          it, add a new consent and deactivate this one.
        </p>
      ) : null}
      <TextField form={form} name="title" label="Title" required readOnly={wordingFixed} />
      <Field
        label="Text"
        hint="What the person agrees to, shown next to the check box."
        error={form.formState.errors.body?.message}
        required
      >
        {(ids) => <Textarea {...ids} rows={4} readOnly={wordingFixed} {...form.register("body")} />}
      </Field>
      <div className="flex flex-wrap items-end gap-6">
        <CheckboxField form={form} name="mandatory" label="Mandatory at registration" />
        <CheckboxField form={form} name="active" label="Active (offered)" />
        <Field label="Order" error={form.formState.errors.sortOrder?.message}>
          {(ids) => (
            <div className="w-24">
              <Input {...ids} type="number" min={0} max={9999} {...form.register("sortOrder", { valueAsNumber: true })} />
            </div>
          )}
        </Field>
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-3">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {consent ? "Save consent" : "Add consent"}
        </Button>
      </div>
    </ClientForm>
  );
}

/** The consent definitions: add, edit, deactivate or activate, and delete the ones nobody accepted. */
export function ConsentManager({ consents, can }: { consents: Consent[]; can: Can }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<Consent | "new" | null>(null);
  const [deleting, setDeleting] = useState<Consent | null>(null);
  const onError = (error: unknown) => toast.error(messageOf(error));
  const toggle = useMutation(
    trpc.admin.consents.update.mutationOptions({
      onSuccess: () => router.refresh(),
      onError,
    }),
  );
  const remove = useMutation(
    trpc.admin.consents.delete.mutationOptions({
      onSuccess: () => {
        toast.success("The consent is deleted.");
        router.refresh();
      },
      onError,
      onSettled: () => setDeleting(null),
    }),
  );
  const setActive = (c: Consent, active: boolean) =>
    toggle.mutate({
      id: c.id,
      updatedAt: c.updatedAt,
      title: c.title,
      body: c.body,
      mandatory: c.mandatory,
      active,
      sortOrder: c.sortOrder,
    });

  return (
    <>
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-3">
        <p className="text-sm text-slate-600">
          Active consents show at registration and on the customer user&apos;s consents page; mandatory ones must be accepted to register.
        </p>
        {can.create ? (
          <Button onClick={() => setEditing("new")} disabled={!hydrated}>
            Add consent
          </Button>
        ) : null}
      </div>
      <Table data-testid="consents">
        <thead>
          <tr>
            <Th>Order</Th>
            <Th>Consent</Th>
            <Th>At registration</Th>
            <Th>Status</Th>
            <Th>Accepted by</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {consents.length === 0 ? <EmptyRow colSpan={6}>No consents yet.</EmptyRow> : null}
          {consents.map((c) => (
            <Tr key={c.id} data-consent={c.title}>
              <Td>{c.sortOrder}</Td>
              <Td className="whitespace-normal">
                <div className="font-medium text-slate-900">{c.title}</div>
                <div className="max-w-xl text-xs text-slate-500">{c.body}</div>
              </Td>
              <Td>{c.mandatory ? <Badge tone="amber">Mandatory</Badge> : <Badge>Optional</Badge>}</Td>
              <Td>{c.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>}</Td>
              <Td>
                {c.currentAcceptances} {c.currentAcceptances === 1 ? "user" : "users"}
                {c.acceptances > c.currentAcceptances ? (
                  <span className="block text-xs text-slate-500">{c.acceptances - c.currentAcceptances} withdrawn</span>
                ) : null}
              </Td>
              <Td className="space-x-1 text-right">
                {can.edit ? (
                  <>
                    <Button
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={!hydrated}
                      onClick={() => setEditing(c)}
                      aria-label={`Edit ${c.title}`}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={!hydrated || toggle.isPending}
                      onClick={() => setActive(c, !c.active)}
                      aria-label={`${c.active ? "Deactivate" : "Activate"} ${c.title}`}
                    >
                      {c.active ? "Deactivate" : "Activate"}
                    </Button>
                  </>
                ) : null}
                {can.delete ? (
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs text-red-700"
                    disabled={!hydrated}
                    onClick={() => setDeleting(c)}
                    aria-label={`Delete ${c.title}`}
                  >
                    Delete
                  </Button>
                ) : null}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "New consent" : "Edit consent"}
        footer={false}
      >
        {editing !== null ? (
          <ConsentForm
            key={editing === "new" ? "new" : editing.id}
            consent={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null && deleting.acceptances === 0}
        title={`Delete “${deleting?.title ?? ""}”?`}
        confirmLabel="Delete"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        Nobody has accepted it; it is removed for good.
      </ConfirmDialog>
      <Dialog
        open={deleting !== null && deleting.acceptances > 0}
        onClose={() => setDeleting(null)}
        title={`“${deleting?.title ?? ""}” cannot be deleted`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              Close
            </Button>
            {deleting?.active && can.edit ? (
              <Button
                onClick={() => {
                  setActive(deleting, false);
                  setDeleting(null);
                }}
              >
                Deactivate instead
              </Button>
            ) : null}
          </>
        }
      >
        <p data-testid="consent-not-deletable">
          It has been accepted {deleting?.acceptances === 1 ? "once" : `${deleting?.acceptances} times`}, and those acceptances must stay
          provable. Deactivate it instead: it then no longer shows at registration.
        </p>
      </Dialog>
    </>
  );
}

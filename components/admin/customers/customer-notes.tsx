"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { z } from "zod";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form";
import { formatDateTime } from "@/components/format";
import { noteBody } from "@/server/schemas/customer";

type Note = { id: number; body: string; createdAt: Date; updatedAt: Date; author: { firstName: string; lastName: string } | null };

const noteForm = z.object({ body: noteBody });
type NoteValues = z.input<typeof noteForm>;

function NoteForm({ label, initial, submitLabel, onSave, onCancel }: { label: string; initial?: string; submitLabel: string; onSave: (body: string) => Promise<void>; onCancel?: () => void }) {
  const form = useForm<NoteValues>({ resolver: zodResolver(noteForm), defaultValues: { body: initial ?? "" } });
  const onSubmit = form.handleSubmit(async ({ body }) => {
    try {
      await onSave(body);
      form.reset({ body: "" });
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} aria-label={label} className="space-y-2">
      <Field label={label} error={form.formState.errors.body?.message}>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("body")} />}
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="secondary" onClick={onCancel}>Cancel</Button> : null}
        <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : submitLabel}</Button>
      </div>
    </ClientForm>
  );
}

/** Notes staff keep about the customer: newest first, with who wrote them; add, edit, delete with `customer.edit`. */
export function CustomerNotes({ customerId, notes, canEdit }: { customerId: number; notes: Note[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const create = useMutation(trpc.admin.customers.notes.create.mutationOptions());
  const update = useMutation(trpc.admin.customers.notes.update.mutationOptions());
  const remove = useMutation(
    trpc.admin.customers.notes.delete.mutationOptions({
      onSuccess: () => {
        setDeleting(null);
        toast.success("The note is deleted.");
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  return (
    <Card>
      <CardHeader title="Notes" description="Only staff see these." />
      <div className="space-y-4 px-5 py-4">
        {canEdit ? (
          <NoteForm
            label="New note"
            submitLabel="Add note"
            onSave={async (body) => {
              await create.mutateAsync({ customerId, body });
              toast.success("The note is added.");
              router.refresh();
            }}
          />
        ) : null}
        {notes.length === 0 ? <p className="text-sm text-slate-500">No notes yet.</p> : null}
        <ul className="space-y-3" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md border border-slate-200 px-4 py-3 text-sm" data-testid="note">
              {editing === note.id ? (
                <NoteForm
                  label="Edit the note"
                  initial={note.body}
                  submitLabel="Save note"
                  onCancel={() => setEditing(null)}
                  onSave={async (body) => {
                    await update.mutateAsync({ id: note.id, body });
                    setEditing(null);
                    toast.success("The note is saved.");
                    router.refresh();
                  }}
                />
              ) : (
                <>
                  <p className="whitespace-pre-wrap text-slate-800">{note.body}</p>
                  <div className="mt-2 flex items-center justify-between gap-4 text-xs text-slate-500">
                    <span>
                      {note.author ? `${note.author.firstName} ${note.author.lastName}` : "A former staff member"} · {formatDateTime(note.createdAt)}
                      {note.updatedAt.getTime() - note.createdAt.getTime() > 1000 ? ` · edited ${formatDateTime(note.updatedAt)}` : ""}
                    </span>
                    {canEdit ? (
                      <span className="flex gap-1">
                        <Button variant="ghost" className="px-2 py-1 text-xs" disabled={!hydrated} onClick={() => setEditing(note.id)}>Edit</Button>
                        <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" disabled={!hydrated} onClick={() => setDeleting(note)}>Delete</Button>
                      </span>
                    ) : null}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this note?"
        confirmLabel="Delete note"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        {deleting ? <p className="line-clamp-3 whitespace-pre-wrap">{deleting.body}</p> : null}
      </ConfirmDialog>
    </Card>
  );
}

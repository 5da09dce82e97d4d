"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form";
import { formatDateTime } from "@/components/format";
import { createNoteInput } from "@/server/schemas/note";

type Note = { id: number; body: string; createdAt: Date; updatedAt: Date; author: { id: number; firstName: string; lastName: string } | null };

const bodyForm = createNoteInput.pick({ body: true });
type Body = { body: string };

/** One form for a new note and for editing one: a text area and its buttons. */
function NoteForm({ initial, label, submitLabel, onSave, onCancel }: {
  initial: string;
  label: string;
  submitLabel: string;
  onSave: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const form = useForm<Body>({ resolver: zodResolver(bodyForm), defaultValues: { body: initial } });
  const submit = form.handleSubmit(async ({ body }) => {
    try {
      await onSave(body);
      form.reset({ body: initial });
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-2">
      <Field label={label} error={form.formState.errors.body?.message}>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("body")} />}
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="secondary" onClick={onCancel}>Cancel</Button> : null}
        <Button type="submit" disabled={form.formState.isSubmitting}>{submitLabel}</Button>
      </div>
    </ClientForm>
  );
}

/** Staff notes on a customer user: read by anyone who sees the user; added, edited and deleted with the notes permission. */
export function CustomerUserNotes({ customerUserId, notes, canWrite }: { customerUserId: number; notes: Note[]; canWrite: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const done = (message: string) => () => {
    toast.success(message);
    router.refresh();
  };
  const create = useMutation(trpc.admin.notes.create.mutationOptions({ onSuccess: done("Note added.") }));
  const update = useMutation(trpc.admin.notes.update.mutationOptions({ onSuccess: () => { setEditing(null); done("Note saved.")(); } }));
  const remove = useMutation(
    trpc.admin.notes.delete.mutationOptions({
      onSuccess: () => { setDeleting(null); done("Note deleted.")(); },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );

  return (
    <div className="space-y-4">
      {notes.length === 0 ? <p className="text-sm text-slate-500">No notes yet.</p> : null}
      <ul className="space-y-3" data-testid="notes">
        {notes.map((note) => (
          <li key={note.id} className="rounded-md border border-slate-200 p-3" data-testid="note">
            {editing === note.id ? (
              <NoteForm initial={note.body} label="Edit note" submitLabel="Save note" onSave={(body) => update.mutateAsync({ id: note.id, body })} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <p className="whitespace-pre-line text-sm text-slate-800">{note.body}</p>
                <div className="mt-2 flex items-center justify-between gap-2 text-xs text-slate-500">
                  <span>
                    {note.author ? `${note.author.firstName} ${note.author.lastName}` : "A former staff member"} · {formatDateTime(note.createdAt)}
                    {note.updatedAt.getTime() - note.createdAt.getTime() > 1000 ? ` · edited ${formatDateTime(note.updatedAt)}` : ""}
                  </span>
                  {canWrite ? (
                    <span className="flex gap-1">
                      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(note.id)}>Edit<span className="sr-only"> note</span></Button>
                      <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => setDeleting(note)}>Delete<span className="sr-only"> note</span></Button>
                    </span>
                  ) : null}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <NoteForm initial="" label="New note" submitLabel="Add note" onSave={(body) => create.mutateAsync({ customerUserId, body })} />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete note"
        confirmLabel="Delete note"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        Delete this note? This cannot be undone.
        <blockquote className="mt-2 border-l-2 border-slate-300 pl-3 text-slate-600">{deleting?.body}</blockquote>
      </ConfirmDialog>
    </div>
  );
}

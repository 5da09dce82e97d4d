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
import { ClientForm, useHydrated } from "@/components/ui/client-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form";
import { formatDateTime } from "@/components/format";
import { noteBody } from "@/server/schemas/note";

type Note = { id: number; body: string; createdAt: Date; updatedAt: Date; author: { firstName: string; lastName: string } | null };
/** Whose notes: a customer's (customer page) or a customer user's (their page). */
export type NotesAbout = { customerId: number } | { customerUserId: number };

const noteForm = z.object({ body: noteBody });
type NoteValues = z.input<typeof noteForm>;

function NoteForm({
  label,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  onSave: (body: string) => Promise<void>;
  onCancel?: () => void;
}) {
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
    <ClientForm onSubmit={onSubmit} className="space-y-2">
      <Field label={label} error={form.formState.errors.body?.message}>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("body")} />}
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : submitLabel}
        </Button>
      </div>
    </ClientForm>
  );
}

/** Notes staff keep: newest first, with who wrote them; added, edited and deleted by those who may (`canEdit`). */
export function NotesPanel({ about, notes, canEdit }: { about: NotesAbout; notes: Note[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };
  const onError = (error: unknown) => toast.error(messageOf(error));
  const ofCustomer = "customerId" in about;
  const customerCreate = useMutation(trpc.admin.customers.notes.create.mutationOptions());
  const customerUpdate = useMutation(trpc.admin.customers.notes.update.mutationOptions());
  const customerRemove = useMutation(trpc.admin.customers.notes.delete.mutationOptions({ onError }));
  const userCreate = useMutation(trpc.admin.notes.create.mutationOptions());
  const userUpdate = useMutation(trpc.admin.notes.update.mutationOptions());
  const userRemove = useMutation(trpc.admin.notes.delete.mutationOptions({ onError }));
  const create = (body: string) =>
    "customerId" in about
      ? customerCreate.mutateAsync({ customerId: about.customerId, body })
      : userCreate.mutateAsync({ customerUserId: about.customerUserId, body });
  const update = ofCustomer ? customerUpdate : userUpdate;
  const remove = ofCustomer ? customerRemove : userRemove;

  return (
    <div className="space-y-4">
      {canEdit ? (
        <NoteForm
          label="New note"
          submitLabel="Add note"
          onSave={async (body) => {
            await create(body);
            done("The note is added.");
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
                  done("The note is saved.");
                }}
              />
            ) : (
              <>
                <p className="whitespace-pre-wrap text-slate-800">{note.body}</p>
                <div className="mt-2 flex items-center justify-between gap-4 text-xs text-slate-500">
                  <span>
                    {note.author ? `${note.author.firstName} ${note.author.lastName}` : "A former staff member"} ·{" "}
                    {formatDateTime(note.createdAt)}
                    {note.updatedAt > note.createdAt ? ` · edited ${formatDateTime(note.updatedAt)}` : ""}
                  </span>
                  {canEdit ? (
                    <span className="flex gap-1">
                      <Button variant="ghost" className="px-2 py-1 text-xs" disabled={!hydrated} onClick={() => setEditing(note.id)}>
                        Edit<span className="sr-only"> note</span>
                      </Button>
                      <Button
                        variant="ghost"
                        className="px-2 py-1 text-xs text-red-700"
                        disabled={!hydrated}
                        onClick={() => setDeleting(note)}
                      >
                        Delete<span className="sr-only"> note</span>
                      </Button>
                    </span>
                  ) : null}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this note?"
        confirmLabel="Delete note"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id },
            {
              onSuccess: () => {
                setDeleting(null);
                done("The note is deleted.");
              },
            },
          )
        }
      >
        {deleting ? <p className="line-clamp-3 whitespace-pre-wrap">{deleting.body}</p> : null}
      </ConfirmDialog>
    </div>
  );
}

"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { z } from "zod";
import { messageOf, refetchAfterChange, useTRPC } from "@/components/trpc";
import { applyServerErrors } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { createOAuthApplicationInput } from "@/server/schemas/oauth";

/**
 * OAuth applications of one customer user: list, create (the secret is shown once), deactivate, delete.
 * Staff use it on a customer user's page (`customerUserId`); a customer user on their own API access page.
 */
const formSchema = createOAuthApplicationInput.extend({ expiresAt: z.string().optional() });
type FormValues = z.input<typeof formSchema>;

/** `readOnly`: why the viewer may see the applications but not change them (shown in place of the actions). */
export function ApplicationsManager({ customerUserId, readOnly }: { customerUserId?: number; readOnly?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = customerUserId !== undefined;
  const list = useQuery(staff ? trpc.admin.oauthApps.list.queryOptions({ customerUserId }) : trpc.account.apiAccess.list.queryOptions());
  const refresh = () =>
    refetchAfterChange(queryClient, staff ? trpc.admin.oauthApps.list.queryKey() : trpc.account.apiAccess.list.queryKey());

  const [created, setCreated] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: number; name: string } | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { name: "", expiresAt: "" } });

  const onCreated = (result: { application: { clientId: string }; clientSecret: string }) => {
    setCreated({ clientId: result.application.clientId, clientSecret: result.clientSecret });
    form.reset();
    void refresh();
  };
  const onError = (error: unknown) => toast.error(messageOf(error));
  const createStaff = useMutation(trpc.admin.oauthApps.create.mutationOptions({ onSuccess: onCreated }));
  const createOwn = useMutation(trpc.account.apiAccess.create.mutationOptions({ onSuccess: onCreated }));
  const setActiveStaff = useMutation(trpc.admin.oauthApps.setActive.mutationOptions({ onSuccess: refresh, onError }));
  const setActiveOwn = useMutation(trpc.account.apiAccess.setActive.mutationOptions({ onSuccess: refresh, onError }));
  const removeStaff = useMutation(trpc.admin.oauthApps.delete.mutationOptions({ onSuccess: refresh, onError }));
  const removeOwn = useMutation(trpc.account.apiAccess.delete.mutationOptions({ onSuccess: refresh, onError }));
  const create = staff ? createStaff : createOwn;
  const setActive = staff ? setActiveStaff : setActiveOwn;
  const remove = staff ? removeStaff : removeOwn;

  const submit = form.handleSubmit(async (values) => {
    const input = { name: values.name, expiresAt: values.expiresAt ? new Date(values.expiresAt) : null };
    try {
      if (staff) await createStaff.mutateAsync({ ...input, customerUserId });
      else await createOwn.mutateAsync(input);
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });

  return (
    <div className="space-y-4">
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Client id</Th>
            <Th>Status</Th>
            <Th>Expires</Th>
            <Th>Last used</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody data-testid="oauth-applications">
          {list.data?.length === 0 ? <EmptyRow colSpan={6}>No applications yet.</EmptyRow> : null}
          {list.data?.map((app) => (
            <Tr key={app.id}>
              <Td>{app.name}</Td>
              <Td className="font-mono text-xs">{app.clientId}</Td>
              <Td>{app.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>}</Td>
              <Td>{app.expiresAt ? formatDateTime(app.expiresAt) : "Never"}</Td>
              <Td>{formatDateTime(app.lastUsedAt)}</Td>
              <Td className="space-x-2 text-right">
                {readOnly ? null : (
                  <>
                    <Button
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={setActive.isPending}
                      onClick={() => setActive.mutate({ id: app.id, active: !app.active })}
                    >
                      {app.active ? "Deactivate" : "Activate"}
                    </Button>
                    <Button variant="danger" className="px-2 py-1 text-xs" onClick={() => setDeleting({ id: app.id, name: app.name })}>
                      Delete
                    </Button>
                  </>
                )}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>

      {readOnly ? (
        <p className="border-t border-slate-200 pt-4 text-sm text-slate-600" data-testid="oauth-read-only">
          {readOnly}
        </p>
      ) : (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4" noValidate>
          <Field label="Application name" error={form.formState.errors.name?.message} className="min-w-56">
            {(ids) => <Input {...ids} {...form.register("name")} placeholder="e.g. ERP integration" />}
          </Field>
          <Field label="Expires (optional)" error={form.formState.errors.expiresAt?.message}>
            {(ids) => <Input {...ids} type="datetime-local" {...form.register("expiresAt")} />}
          </Field>
          <Button type="submit" disabled={create.isPending}>
            Create application
          </Button>
        </form>
      )}

      <Dialog open={created !== null} onClose={() => setCreated(null)} title="Application created">
        <p className="mb-3">Copy the secret now: it is shown only once and cannot be retrieved later.</p>
        <dl className="space-y-2">
          <dt className="text-xs font-semibold uppercase text-slate-500">Client id</dt>
          <dd className="break-all font-mono" data-testid="new-client-id">
            {created?.clientId}
          </dd>
          <dt className="text-xs font-semibold uppercase text-slate-500">Client secret</dt>
          <dd className="break-all font-mono" data-testid="new-client-secret">
            {created?.clientSecret}
          </dd>
        </dl>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() =>
            created &&
            navigator.clipboard?.writeText(created.clientSecret).then(
              () => toast.success("Secret copied."),
              () => toast.error("Copy failed; select the text instead."),
            )
          }
        >
          Copy secret
        </Button>
        <p className="mt-4 text-xs text-slate-500">
          Get a token: <code>POST /api/oauth/token</code> with <code>grant_type=client_credentials</code> and these credentials (HTTP
          Basic), then call <code>/api/v1/…</code> with <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </Dialog>

      <ConfirmDialog
        open={deleting !== null}
        title="Delete application"
        confirmLabel="Delete"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id }, { onSuccess: () => setDeleting(null) })}
      >
        Delete “{deleting?.name}”? Its tokens stop working at once.
      </ConfirmDialog>
    </div>
  );
}

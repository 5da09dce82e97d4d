"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { changeEmailInput, type ChangeEmailInput } from "@/server/schemas/profile";
import { ClientForm, useHydrated } from "@/components/ui/client-form";

/** The current address, a change waiting for confirmation, and (with profile.update) the form to start one. */
export function EmailChange({ email, pendingEmail, canEdit }: { email: string; pendingEmail: string | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const change = useMutation(trpc.account.profile.changeEmail.mutationOptions());
  const cancel = useMutation(
    trpc.account.profile.cancelEmailChange.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const form = useForm<ChangeEmailInput>({ resolver: zodResolver(changeEmailInput), defaultValues: { email: "", currentPassword: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync(values);
      form.reset();
      toast.success(`We sent a confirmation link to ${values.email}.`);
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <div className="space-y-4 text-sm">
      <p>
        Your email address is <strong data-testid="profile-email">{email}</strong>. You sign in with it and we write to it.
      </p>
      {pendingEmail ? (
        <Alert tone="info" testId="pending-email">
          Waiting for confirmation of <strong>{pendingEmail}</strong>: follow the link we sent there. Until then your address stays {email}.
          {canEdit ? (
            <Button
              variant="ghost"
              className="mt-2 px-2 py-1 text-xs"
              onClick={() => cancel.mutate()}
              disabled={cancel.isPending || !hydrated}
            >
              Cancel the change
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {canEdit ? (
        <ClientForm onSubmit={onSubmit} className="space-y-3" aria-label="Change email address">
          <TextField form={form} name="email" label="New email address" type="email" autoComplete="email" required />
          <TextField
            form={form}
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            hint="To make sure it is you."
            required
          />
          <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
            Change email address
          </Button>
        </ClientForm>
      ) : null}
    </div>
  );
}

"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFailure } from "@/server/api/action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { changePasswordForm, type ChangePasswordForm } from "@/server/schemas/profile";
import { passwordRules } from "@/server/schemas/password";
import { ClientForm } from "@/components/ui/client-form";

/** On success the action moves to a new page (see changePasswordAction); it only returns to refuse. */
export function ChangePasswordForm({ action }: { action: (values: ChangePasswordForm) => Promise<ActionFailure> }) {
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(changePasswordForm),
    defaultValues: { currentPassword: "", newPassword: "", passwordConfirmation: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const refused = await action(values as ChangePasswordForm);
    // Nothing comes back when the action redirected (success).
    if (refused) applyServerErrors(refused, form.setError);
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-3 text-sm" aria-label="Change password">
      <TextField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
      <TextField
        form={form}
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={passwordRules}
        required
      />
      <TextField
        form={form}
        name="passwordConfirmation"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        Change password
      </Button>
    </ClientForm>
  );
}

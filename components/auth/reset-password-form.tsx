"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { resetPasswordForm, type ResetPasswordForm } from "@/server/schemas/identity";
import { passwordRules } from "@/server/schemas/password";
import { ClientForm } from "@/components/ui/client-form";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.auth.resetPassword.mutationOptions());
  const form = useForm<ResetPasswordForm>({ resolver: zodResolver(resetPasswordForm), defaultValues: { token, password: "", passwordConfirmation: "" } });
  const onSubmit = form.handleSubmit(async ({ token, password }) => {
    try {
      await mutation.mutateAsync({ token, password });
      router.push("/login?notice=password-changed");
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4">
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField form={form} name="password" label="New password" type="password" autoComplete="new-password" hint={passwordRules} required autoFocus />
      <TextField form={form} name="passwordConfirmation" label="Repeat the new password" type="password" autoComplete="new-password" required />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting || mutation.isSuccess}>Save the new password</Button>
    </ClientForm>
  );
}

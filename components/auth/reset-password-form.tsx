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

/** A new password from an emailed link: a customer user's (reset or welcome link), or a staff member's set-password link. */
export function ResetPasswordForm({ token, email, realm = "customer" }: { token: string; email: string; realm?: "customer" | "staff" }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(
    realm === "staff" ? trpc.staffPassword.setPassword.mutationOptions() : trpc.auth.resetPassword.mutationOptions(),
  );
  const form = useForm<ResetPasswordForm>({
    resolver: zodResolver(resetPasswordForm),
    defaultValues: { token, password: "", passwordConfirmation: "" },
  });
  const onSubmit = form.handleSubmit(async ({ token, password }) => {
    try {
      await mutation.mutateAsync({ token, password });
      router.push(realm === "staff" ? "/admin/login?notice=password-set" : "/login?notice=password-changed");
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4">
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        form={form}
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={passwordRules}
        required
        autoFocus
      />
      <TextField
        form={form}
        name="passwordConfirmation"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting || mutation.isSuccess}>
        Save the new password
      </Button>
    </ClientForm>
  );
}

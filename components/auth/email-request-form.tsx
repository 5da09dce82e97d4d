"use client";
import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { emailInput, type EmailInput } from "@/server/schemas/identity";
import { ClientForm } from "@/components/ui/client-form";

const texts = {
  requestPasswordReset: {
    submit: "Send me a link",
    done: (email: string) =>
      `If an account exists for ${email}, we have sent it a link to choose a new password. The link works once, for 24 hours.`,
  },
  requestSignInLink: {
    submit: "Email me a sign-in link",
    done: (email: string) =>
      `If ${email} belongs to an account that may sign in, we have sent it a link that signs you in. The link works once, for 30 minutes.`,
  },
  resendConfirmation: {
    submit: "Send the confirmation email",
    done: (email: string) =>
      `If ${email} belongs to an account that still waits for confirmation, we have sent it a new link. The link works once, for 24 hours.`,
  },
};

/**
 * "Email me a link" (forgotten password, sign-in link, confirmation again). The answer is the same whether or not the address
 * has an account, so the page cannot be used to find out.
 */
export function EmailRequestForm({ kind }: { kind: keyof typeof texts }) {
  const trpc = useTRPC();
  const procedures = {
    requestPasswordReset: trpc.auth.requestPasswordReset,
    requestSignInLink: trpc.auth.requestSignInLink,
    resendConfirmation: trpc.auth.resendConfirmation,
  };
  const mutation = useMutation(procedures[kind].mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<EmailInput>({ resolver: zodResolver(emailInput), defaultValues: { email: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });

  if (sentTo) {
    return (
      <div className="space-y-3 text-sm text-slate-700">
        <Alert tone="success" testId="request-done">
          {texts[kind].done(sentTo)}
        </Alert>
        <p>
          Nothing arrived? Look in your spam folder.{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/login">
            Back to sign-in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4">
      <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required autoFocus />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {texts[kind].submit}
      </Button>
      <p className="text-sm">
        <Link className="font-medium text-brand-700 hover:underline" href="/login">
          Back to sign-in
        </Link>
      </p>
    </ClientForm>
  );
}

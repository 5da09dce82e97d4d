"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionFailure } from "@/server/api/action";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form";
import { ClientForm } from "@/components/ui/client-form";
import { startImpersonationInput } from "@/server/schemas/impersonation";

type Values = z.input<typeof startImpersonationInput>;

/** Asks why before a staff member signs in as a customer user; the action moves on to the storefront. */
export function ImpersonateForm({
  customerUserId,
  action,
}: {
  customerUserId: number;
  action: (values: { customerUserId: number; reason: string }) => Promise<ActionFailure>;
}) {
  const form = useForm<Values>({ resolver: zodResolver(startImpersonationInput), defaultValues: { customerUserId, reason: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    const refused = await action({ customerUserId, reason: values.reason });
    if (refused) applyServerErrors(refused, form.setError);
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4" aria-label="Sign in as this user">
      <Field
        label="Reason"
        required
        hint="Kept in the audit log, e.g. “Ticket #4411: cannot find last week's order”."
        error={form.formState.errors.reason?.message}
      >
        {(ids) => <Textarea rows={3} {...ids} {...form.register("reason")} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Opening the storefront…" : "Sign in as this user"}
      </Button>
    </ClientForm>
  );
}

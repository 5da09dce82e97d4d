"use client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import { fieldErrorsOf, messageOf } from "@/components/trpc";

/**
 * Shows a procedure's refusal on a react-hook-form form: field errors next to their fields, anything else as a
 * toast. Client-side validation uses the same zod schema as the procedure (zodResolver), so the server rarely
 * has more to say — but when it does (a taken email, a stale version), it lands here.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>) {
  const fieldErrors = fieldErrorsOf(error);
  const fields = Object.entries(fieldErrors).filter(([key]) => key !== "_form");
  for (const [key, messages] of fields) setError(key as Path<T>, { type: "server", message: messages[0] });
  if (fields.length === 0 || fieldErrors._form) toast.error(messageOf(error));
}

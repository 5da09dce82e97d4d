"use client";
import { useActionState } from "react";
import type { LinkActionState } from "@/server/api/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The one button behind an email link. Links are used up by a deliberate click, not by opening the page: mail
 * scanners that fetch every link would otherwise spend them before the person arrives.
 */
export function LinkActionForm({
  action,
  token,
  label,
  pendingLabel,
}: {
  action: (state: LinkActionState, form: FormData) => Promise<LinkActionState>;
  token: string;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? (
        <Alert tone="error" testId="link-error">
          {state.error}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </form>
  );
}

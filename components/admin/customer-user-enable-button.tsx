"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";

/** Enable or disable one customer user from the grid; disabling signs them out at once. */
export function CustomerUserEnableButton({ id, enabled, name }: { id: number; enabled: boolean; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const mutation = useMutation(
    trpc.admin.customerUsers.setEnabled.mutationOptions({
      onSuccess: (user) => {
        toast.success(`${name} is now ${user.enabled ? "enabled" : "disabled"}.`);
        router.refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  return (
    <Button
      variant="secondary"
      className="px-2 py-1 text-xs"
      disabled={mutation.isPending || !hydrated}
      onClick={() => mutation.mutate({ id, enabled: !enabled })}
      aria-label={`${enabled ? "Disable" : "Enable"} ${name}`}
    >
      {enabled ? "Disable" : "Enable"}
    </Button>
  );
}

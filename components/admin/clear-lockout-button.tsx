"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";

/** Lifts one sign-in lockout (the person called in); the attempts stay on record. */
export function ClearLockoutButton({ lockKey, subject }: { lockKey: string; subject: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const mutation = useMutation(
    trpc.admin.loginAttempts.clearLockout.mutationOptions({
      onSuccess: () => {
        toast.success(`${subject} can sign in again.`);
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
      onClick={() => mutation.mutate({ key: lockKey })}
      aria-label={`Clear lockout of ${subject}`}
    >
      Clear lockout
    </Button>
  );
}

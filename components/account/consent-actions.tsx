"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";

/** Accept or withdraw one consent. */
export function ConsentAction({ consentId, title, accepted }: { consentId: number; title: string; accepted: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = (message: string) => ({
    onSuccess: () => {
      toast.success(message);
      router.refresh();
    },
    onError: (error: unknown) => toast.error(messageOf(error)),
  });
  const accept = useMutation(trpc.account.consents.accept.mutationOptions(options(`You accepted “${title}”.`)));
  const withdraw = useMutation(trpc.account.consents.withdraw.mutationOptions(options(`You withdrew “${title}”.`)));
  const hydrated = useHydrated();
  const pending = accept.isPending || withdraw.isPending || !hydrated;
  return accepted ? (
    <Button variant="secondary" disabled={pending} onClick={() => withdraw.mutate({ consentId })} aria-label={`Withdraw ${title}`}>
      Withdraw
    </Button>
  ) : (
    <Button disabled={pending} onClick={() => accept.mutate({ consentId })} aria-label={`Accept ${title}`}>
      Accept
    </Button>
  );
}

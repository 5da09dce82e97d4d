"use client";
import { QueryClient, QueryClientProvider, type QueryKey } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 15_000, retry: (count, error) => count < 2 && !(error instanceof TRPCClientError) },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * Reads `queryKey` again after a change was saved. invalidateQueries alone joins a first load still in flight (React
 * Query cancels a running fetch only once it has data), and that load may have been answered before the change:
 * cancelling first makes the new fetch start after it.
 */
export async function refetchAfterChange(queryClient: QueryClient, queryKey: QueryKey) {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}

/** A refusal a server action returned (server/api/action.ts): the same message and field errors. */
type ActionFailure = { ok: false; message: string; fieldErrors?: Record<string, string[]> };
function isActionFailure(value: unknown): value is ActionFailure {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as ActionFailure).ok === false &&
    typeof (value as ActionFailure).message === "string"
  );
}

/** Field errors a procedure returned (zod or domain), keyed by dotted path. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[]> } | undefined;
    return data?.fieldErrors ?? {};
  }
  if (isActionFailure(error)) return error.fieldErrors ?? {};
  return {};
}

export function messageOf(error: unknown): string {
  if (isActionFailure(error)) return error.message;
  return error instanceof Error ? error.message : "Something went wrong.";
}

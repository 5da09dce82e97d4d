"use client";
import { useSyncExternalStore, type ComponentProps } from "react";
import { cn } from "./cn";

const subscribe = () => () => {};

/** False while the server's HTML is shown and React has not taken over yet. */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A form handled in the browser (react-hook-form). Until the page is hydrated its fields are disabled: typing
 * into them would be lost, and a click would submit the form natively, putting its values in the URL.
 */
export function ClientForm({ className, children, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  return (
    <form noValidate {...props}>
      <fieldset disabled={!hydrated} className={cn("min-w-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}

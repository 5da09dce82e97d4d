import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc";

/** The public pages' forms call the public procedures from the browser. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}

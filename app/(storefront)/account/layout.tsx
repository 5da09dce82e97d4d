import type { ReactNode } from "react";
import Link from "next/link";
import { NavLink } from "@/components/nav-link";
import { accountNav } from "@/components/account/nav";
import { TRPCReactProvider } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { SignOutButtons } from "@/components/sign-out-buttons";
import { requireCustomer } from "@/server/auth/session";
import { endImpersonation, signOutCustomer, signOutCustomerEverywhere } from "../(auth)/login/actions";
import { formatTime } from "@/components/format";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireCustomer();
  const items = accountNav.filter((item) => item.permission === null || user.grants.has(item.permission));
  return (
    <TRPCReactProvider>
      <div className="min-h-screen">
        {user.impersonator ? (
          <div role="status" data-testid="impersonation-banner" className="bg-amber-100 text-amber-950">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-2 text-sm">
              <p>
                <strong>{user.impersonator.staffName}</strong>, you are signed in as{" "}
                <strong>
                  {user.firstName} {user.lastName}
                </strong>{" "}
                on their behalf until {formatTime(user.impersonator.expiresAt)}. Reason: “{user.impersonator.reason}”. Every change is
                recorded with your name.
              </p>
              <form action={endImpersonation}>
                <Button type="submit" variant="secondary" className="py-1">
                  End and return to the back office
                </Button>
              </form>
            </div>
          </div>
        ) : null}
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
            <Link href="/account" className="text-lg font-semibold text-brand-700">
              Roster
            </Link>
            <div className="flex items-center gap-4 text-sm">
              <span className="text-slate-600" data-testid="account-name">
                {user.firstName} {user.lastName}
              </span>
              {user.impersonator ? null : <SignOutButtons signOut={signOutCustomer} signOutEverywhere={signOutCustomerEverywhere} />}
            </div>
          </div>
        </header>
        <div className="mx-auto flex max-w-6xl gap-8 px-6 py-6">
          <nav aria-label="Account" className="w-48 shrink-0 space-y-0.5">
            {items.map((item) => (
              <NavLink key={item.href} href={item.href} exact={item.href === "/account"}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <main className="min-w-0 flex-1">{children}</main>
        </div>
      </div>
    </TRPCReactProvider>
  );
}

import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { adminNav } from "@/components/admin/nav";
import { TRPCReactProvider } from "@/components/trpc";
import { SignOutButtons } from "@/components/sign-out-buttons";
import { requireStaff } from "@/server/auth/session";
import { signOutStaff, signOutStaffEverywhere } from "../login/actions";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const sections = adminNav
    .map((section) => ({ ...section, items: section.items.filter((item) => staff.grants.has(item.permission)) }))
    .filter((section) => section.items.length > 0);
  return (
    <TRPCReactProvider>
      <div className="flex min-h-screen">
        <aside className="w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-4">
          <div className="mb-6 px-3 text-lg font-semibold text-brand-700">
            Roster <span className="text-xs font-normal text-slate-500">back office</span>
          </div>
          <nav aria-label="Back office" className="space-y-5">
            {sections.map((section) => (
              <div key={section.section}>
                <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{section.section}</div>
                <div className="space-y-0.5">
                  {section.items.map((item) => (
                    <NavLink key={item.href} href={item.href}>
                      {item.label}
                    </NavLink>
                  ))}
                </div>
              </div>
            ))}
          </nav>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-2 text-sm">
            <span className="text-slate-600" data-testid="staff-name">
              {staff.firstName} {staff.lastName}
            </span>
            <SignOutButtons signOut={signOutStaff} signOutEverywhere={signOutStaffEverywhere} />
          </header>
          <main className="flex-1 px-6 py-6">{children}</main>
        </div>
      </div>
    </TRPCReactProvider>
  );
}

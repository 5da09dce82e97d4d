import Link from "next/link";
import type { StaffPrincipal } from "@/server/authz/access";
import { cn } from "@/components/ui/cn";

const tabs = [
  { href: "/admin/settings", label: "Website settings", permission: "settings.view" },
  { href: "/admin/settings/consents", label: "Consents", permission: "consent.view" },
] as const;

/** The parts of Settings, each shown to staff who may open it. */
export function SettingsTabs({ staff, current }: { staff: StaffPrincipal; current: (typeof tabs)[number]["href"] }) {
  return (
    <nav aria-label="Settings" className="mb-4 flex gap-1 border-b border-slate-200">
      {tabs
        .filter((tab) => staff.grants.has(tab.permission))
        .map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.href === current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm",
              tab.href === current
                ? "border-brand-600 font-medium text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        ))}
    </nav>
  );
}

import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The two views of the customers: the grid and the hierarchy. */
export function CustomersTabs({ current }: { current: "list" | "tree" }) {
  const tab = (key: "list" | "tree", href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
        current === key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Customer views" className="mb-4 flex gap-2 border-b border-slate-200">
      {tab("list", "/admin/customers", "List")}
      {tab("tree", "/admin/customers/tree", "Hierarchy")}
    </nav>
  );
}

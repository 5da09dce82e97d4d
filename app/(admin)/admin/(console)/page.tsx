import { redirect } from "next/navigation";
import { adminNav } from "@/components/admin/nav";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { requireStaff } from "@/server/auth/session";

/** The back office's start: the first page of the menu the staff member may open. */
export default async function AdminHome() {
  const staff = await requireStaff();
  // Customer users are what the back office is mostly for; otherwise the first page the menu offers.
  const items = adminNav.flatMap((section) => section.items);
  const first = [...items.filter((item) => item.href === "/admin/customer-users"), ...items].find((item) =>
    staff.grants.has(item.permission),
  );
  if (first) redirect(first.href);
  return (
    <>
      <PageHeader title="Back office" />
      <Alert testId="no-permissions">Your roles do not grant any back-office pages yet. Ask an administrator for the roles you need.</Alert>
    </>
  );
}

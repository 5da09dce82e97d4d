import type { StaffPermission } from "@/server/authz/permissions";

/** The back office menu; an entry shows only to staff holding its permission. */
export const adminNav: { section: string; items: { href: string; label: string; permission: StaffPermission }[] }[] = [
  {
    section: "Customers",
    items: [
      { href: "/admin/customers", label: "Customers", permission: "customer.view" },
      { href: "/admin/customer-groups", label: "Customer Groups", permission: "customerGroup.view" },
      { href: "/admin/customer-users", label: "Customer Users", permission: "customerUser.view" },
      { href: "/admin/customer-user-roles", label: "Customer User Roles", permission: "customerUserRole.view" },
      { href: "/admin/sign-in-attempts", label: "Sign-in Attempts", permission: "loginAttempt.view" },
    ],
  },
  {
    section: "System",
    items: [
      { href: "/admin/mailbox", label: "Mailbox", permission: "mailbox.view" },
      { href: "/admin/audit", label: "Audit log", permission: "audit.view" },
      { href: "/admin/staff", label: "Staff", permission: "staffUser.view" },
      { href: "/admin/staff-roles", label: "Staff Roles", permission: "staffRole.view" },
      { href: "/admin/settings", label: "Settings", permission: "settings.view" },
    ],
  },
];

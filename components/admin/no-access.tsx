import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { staffPermissionIndex, type StaffPermission } from "@/server/authz/permissions";

/** What a back-office page shows to a staff member whose roles lack the permission it needs. */
export function NoAccess({ title, permission }: { title: string; permission: StaffPermission }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert tone="warning" testId="no-access">
        You need the permission “{staffPermissionIndex.get(permission)?.label ?? permission}” to open this page. Ask an administrator if you
        should have it.
      </Alert>
    </>
  );
}

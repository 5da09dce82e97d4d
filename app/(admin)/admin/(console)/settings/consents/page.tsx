import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/admin/no-access";
import { SettingsTabs } from "@/components/admin/settings-tabs";
import { ConsentManager } from "@/components/admin/consent-manager";
import { getStaffCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Consents" };

export default async function ConsentsPage() {
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("consent.view")) return <NoAccess title="Consents" permission="consent.view" />;
  const consents = await caller.admin.consents.list();
  return (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs staff={staff} current="/admin/settings/consents" />
      <Card>
        <ConsentManager
          consents={consents}
          can={{
            create: staff.grants.has("consent.create"),
            edit: staff.grants.has("consent.edit"),
            delete: staff.grants.has("consent.delete"),
          }}
        />
      </Card>
    </>
  );
}

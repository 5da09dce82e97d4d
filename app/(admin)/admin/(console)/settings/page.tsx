import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { intParam, type SearchParams } from "@/components/grid/params";
import { NoAccess } from "@/components/admin/no-access";
import { SettingsTabs } from "@/components/admin/settings-tabs";
import { WebsiteSettingsForm } from "@/components/admin/website-settings-form";
import { getStaffCaller, orNotFound } from "@/server/api/caller";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("settings.view")) {
    if (staff.grants.has("consent.view")) redirect("/admin/settings/consents");
    return <NoAccess title="Settings" permission="settings.view" />;
  }
  const page = await orNotFound(caller.admin.settings.get({ websiteId: intParam(params, "website") }));
  return (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs staff={staff} current="/admin/settings" />
      <nav aria-label="Websites" className="mb-4 flex flex-wrap gap-2">
        {page.websites.map((w) => (
          <Link
            key={w.id}
            href={`/admin/settings?website=${w.id}`}
            aria-current={w.id === page.website.id ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              w.id === page.website.id
                ? "border-brand-600 bg-brand-50 text-brand-700"
                : "border-slate-300 text-slate-700 hover:bg-slate-100",
            )}
          >
            {w.name}
            {w.isDefault ? " (storefront)" : ""}
          </Link>
        ))}
      </nav>
      {page.website.isDefault ? null : (
        <div className="mb-4 max-w-4xl">
          <Alert testId="not-storefront">
            The storefront serves {page.websites.find((w) => w.isDefault)?.name ?? "the default website"}. These settings are kept for{" "}
            {page.website.name} and apply once it has a storefront of its own.
          </Alert>
        </div>
      )}
      <Card className="max-w-4xl">
        <CardBody>
          <WebsiteSettingsForm
            key={`${page.website.id}-${page.settings.updatedAt?.getTime() ?? 0}`}
            values={{ websiteId: page.website.id, ...page.settings }}
            choices={page.choices}
            readOnly={!staff.grants.has("settings.edit")}
          />
        </CardBody>
      </Card>
    </>
  );
}

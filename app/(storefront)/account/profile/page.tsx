import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { formatDate, fullName } from "@/components/format";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { EmailChange } from "@/components/account/email-change";
import { ProfileForm } from "@/components/account/profile-form";
import { getCustomerCaller } from "@/server/api/caller";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

/** Said after a step that comes back here (?notice=...). */
const notices = {
  "email-changed": (email: string) => `Your email address is now ${email}.`,
  "password-changed": () => "Your password has been changed. Your other sessions have ended.",
};

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { notice } = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const profile = await caller.account.profile.get();
  const language = profile.localizations.find((l) => l.id === profile.localizationId)?.name;
  return (
    <>
      <PageHeader title="Profile">
        <p className="mt-1 text-sm text-slate-600">
          {profile.customer.name} · member since {formatDate(profile.createdAt)}
        </p>
      </PageHeader>
      {notice && notice in notices ? (
        <div className="mb-6">
          <Alert tone="success" testId="profile-notice">
            {notices[notice as keyof typeof notices](profile.email)}
          </Alert>
        </div>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader
            title="Personal details"
            description={
              profile.canEdit ? undefined : "Your roles do not allow you to change your profile. Ask your company's administrator."
            }
          />
          <CardBody>
            {profile.canEdit ? (
              <ProfileForm profile={profile} />
            ) : (
              <dl className="grid grid-cols-3 gap-y-2 text-sm" data-testid="profile-read-only">
                <dt className="text-slate-500">Name</dt>
                <dd className="col-span-2">{fullName(profile)}</dd>
                <dt className="text-slate-500">Birthday</dt>
                <dd className="col-span-2">{formatDate(profile.birthday)}</dd>
                <dt className="text-slate-500">Phone</dt>
                <dd className="col-span-2">{profile.phone ?? "—"}</dd>
                {profile.localizations.length ? (
                  <>
                    <dt className="text-slate-500">Language</dt>
                    <dd className="col-span-2">{language ?? "—"}</dd>
                  </>
                ) : null}
              </dl>
            )}
          </CardBody>
        </Card>
        {user.impersonator ? (
          <Card className="lg:col-span-2" data-testid="credentials-own">
            <CardHeader title="Email address and password" />
            <CardBody className="text-sm text-slate-700">
              <p>{profile.email}</p>
              <p className="mt-2 text-slate-500">
                Only {profile.firstName} can change their email address and password, not someone signed in on their behalf.
              </p>
            </CardBody>
          </Card>
        ) : (
          <div className="space-y-6 lg:col-span-2">
            <Card>
              <CardHeader title="Email address" />
              <CardBody>
                <EmailChange email={profile.email} pendingEmail={profile.pendingEmail} canEdit={profile.canEdit} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Password" description="Changing it signs you out on every other device." />
              <CardBody>
                <ChangePasswordForm action={changePasswordAction} />
              </CardBody>
            </Card>
          </div>
        )}
      </div>
    </>
  );
}

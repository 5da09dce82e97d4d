import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatDateTime } from "@/components/format";
import { getStaffCaller } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Message" };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { caller } = await getStaffCaller();
  const message = await caller.admin.mailbox.get({ id }).catch((error: { code?: string }) => {
    if (error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const links = [...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  return (
    <>
      <PageHeader
        title={message.subject}
        actions={
          <ButtonLink variant="secondary" href="/admin/mailbox">
            Back to mailbox
          </ButtonLink>
        }
      >
        <p className="mt-1 text-sm text-slate-600">
          To {message.toName ? `${message.toName} <${message.toEmail}>` : message.toEmail} · {message.locale} · written{" "}
          {formatDateTime(message.createdAt)} · <Badge>{message.status.toLowerCase()}</Badge>
          {message.lastError ? <span className="text-red-700"> · last error: {message.lastError}</span> : null}
        </p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Message" />
          <iframe
            title="Email body"
            srcDoc={message.html}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            className="h-[32rem] w-full"
          />
        </Card>
        <Card>
          <CardHeader title="Links in this message" />
          <CardBody>
            {links.length === 0 ? (
              <p className="text-sm text-slate-500">None.</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="email-links">
                {links.map((href) => (
                  <li key={href} className="break-all">
                    <a className="text-brand-700 hover:underline" href={href}>
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, param, type SearchParams } from "@/components/grid/params";
import { pageSizes } from "@/server/schemas/grid";
import { getStaffCaller } from "@/server/api/caller";
import { listMailboxInput } from "@/server/schemas/mailbox";

export const metadata: Metadata = { title: "Mailbox" };

const statusTone = { QUEUED: "amber", SENDING: "blue", SENT: "green", FAILED: "red" } as const;

export default async function MailboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { caller } = await getStaffCaller();
  // Fifty to a page unless the reader picks another size: the outbox fills fast.
  const filters = { to: param(params, "to"), limit: intParam(params, "limit", pageSizes) ?? 50 };
  const { input, page, problem, state } = await listPage({ basePath: "/admin/mailbox", params, schema: listMailboxInput, filters }, (i) =>
    caller.admin.mailbox.list(i),
  );
  const { cursor: before, to } = input;
  return (
    <>
      <PageHeader title="Mailbox">
        <p className="mt-1 text-sm text-slate-600">
          Every email Roster sends is written here first. Without an email provider configured, messages stay here and their links can be
          followed from this page.
        </p>
      </PageHeader>
      <Card>
        <form className="flex gap-2 border-b border-slate-200 px-4 py-3" role="search">
          <label htmlFor="to" className="sr-only">
            Recipient
          </label>
          <Input id="to" name="to" defaultValue={to} placeholder="Recipient contains…" className="max-w-xs" />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
        {page.items.length === 0 && !before ? (
          <div className="p-4">
            <Alert>No messages yet.</Alert>
          </div>
        ) : null}
        <Table>
          <thead>
            <tr>
              <Th>Sent to</Th>
              <Th>Subject</Th>
              <Th>Language</Th>
              <Th>Status</Th>
              <Th>Written</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 && before ? <EmptyRow colSpan={5}>No older messages.</EmptyRow> : null}
            {page.items.map((message) => (
              <Tr key={message.id}>
                <Td>{message.toEmail}</Td>
                <Td>
                  <Link className="text-brand-700 hover:underline" href={`/admin/mailbox/${message.id}`}>
                    {message.subject}
                  </Link>
                </Td>
                <Td>{message.locale}</Td>
                <Td>
                  <Badge tone={statusTone[message.status]}>{message.status.toLowerCase()}</Badge>
                </Td>
                <Td>{formatDateTime(message.createdAt)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <Pager state={state} page={page} noun="messages" problem={problem} />
      </Card>
    </>
  );
}

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CardBody } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { Pager } from "@/components/grid/pager";
import { sectionPage } from "@/components/grid/page";
import type { SearchParams } from "@/components/grid/params";
import { NotesPanel } from "@/components/admin/notes-panel";
import { CustomerUserEvents } from "@/components/admin/customer-user-events";
import { formatDateTime } from "@/components/format";
import { getStaffCaller } from "@/server/api/caller";
import { customerUserEmailsInput } from "@/server/schemas/customerUser";
import { listNotesInput } from "@/server/schemas/note";
import { listCalendarEventsInput } from "@/server/schemas/calendarEvent";
import { SECTION_PAGE, Section } from "./section";

/** The emails Roster wrote to the user, and the notes and events staff keep about them, a page of each. */
export async function UserCommunication({
  id,
  params,
  can,
}: {
  id: number;
  params: SearchParams;
  can: { readMail: boolean; writeNotes: boolean };
}) {
  const { caller } = await getStaffCaller();
  const at = (key: string) => ({ basePath: `/admin/customer-users/${id}`, params, key });
  const [emails, notes, events] = await Promise.all([
    sectionPage(at("emails"), customerUserEmailsInput, { id, limit: SECTION_PAGE }, (input) => caller.admin.customerUsers.emails(input)),
    sectionPage(at("notes"), listNotesInput, { customerUserId: id, limit: SECTION_PAGE }, (input) => caller.admin.notes.list(input)),
    sectionPage(at("events"), listCalendarEventsInput, { customerUserId: id, limit: SECTION_PAGE }, (input) =>
      caller.admin.calendarEvents.list(input),
    ),
  ]);
  const pager = (list: typeof notes | typeof events | typeof emails, noun: string) => (
    <Pager state={list.state} page={{ nextCursor: list.page.nextCursor }} noun={noun} sizes={false} problem={list.problem} />
  );
  return (
    <div id="communication" className="scroll-mt-6 space-y-6">
      <Section id="emails" title="Emails" description="Everything Roster wrote to this user, from the outbox.">
        <Table data-testid="emails">
          <thead>
            <tr>
              <Th>Subject</Th>
              <Th>Template</Th>
              <Th>Sent to</Th>
              <Th>Status</Th>
              <Th>Written</Th>
            </tr>
          </thead>
          <tbody>
            {emails.page.items.length === 0 ? <EmptyRow colSpan={5}>No emails to this user.</EmptyRow> : null}
            {emails.page.items.map((m) => (
              <Tr key={m.id}>
                {/* The message itself may hold a live one-time link: only the mailbox's readers open it. */}
                <Td>
                  {can.readMail ? (
                    <Link className="text-brand-700 hover:underline" href={`/admin/mailbox/${m.id}`}>
                      {m.subject}
                    </Link>
                  ) : (
                    m.subject
                  )}
                </Td>
                <Td>
                  <span className="font-mono text-xs">{m.template}</span>
                </Td>
                <Td>{m.toEmail}</Td>
                <Td>
                  <Badge tone={m.status === "SENT" ? "green" : m.status === "FAILED" ? "red" : "amber"}>{m.status.toLowerCase()}</Badge>
                </Td>
                <Td>{formatDateTime(m.sentAt ?? m.createdAt)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        {pager(emails, "emails")}
      </Section>
      <div className="grid gap-6 xl:grid-cols-2">
        <Section id="notes" title="Notes">
          <CardBody>
            <NotesPanel about={{ customerUserId: id }} notes={notes.page.items} canEdit={can.writeNotes} />
          </CardBody>
          {pager(notes, "notes")}
        </Section>
        <Section id="events" title="Scheduled events">
          <CardBody>
            <CustomerUserEvents customerUserId={id} events={events.page.items} canWrite={can.writeNotes} />
          </CardBody>
          {pager(events, "scheduled events")}
        </Section>
      </div>
    </div>
  );
}

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { Pager } from "@/components/grid/pager";
import { sectionPage } from "@/components/grid/page";
import type { SearchParams } from "@/components/grid/params";
import { formatDateTime } from "@/components/format";
import { getStaffCaller } from "@/server/api/caller";
import { listLoginAttemptsInput, loginResultLabels, loginSourceLabels } from "@/server/schemas/loginAttempt";
import { SECTION_PAGE, Section } from "./section";

/** The user's sign-in attempts, newest first, a page at a time; the whole log filters them in Sign-in Attempts. */
export async function UserSignInAttempts({ id, params }: { id: number; params: SearchParams }) {
  const { caller } = await getStaffCaller();
  const where = { basePath: `/admin/customer-users/${id}`, params, key: "attempts" };
  const { page, problem, state } = await sectionPage(where, listLoginAttemptsInput, { customerUserId: id, limit: SECTION_PAGE }, (input) =>
    caller.admin.loginAttempts.list(input),
  );
  return (
    <Section
      id="attempts"
      title="Sign-in attempts"
      actions={
        <Link href={`/admin/sign-in-attempts?userId=${id}`} className="text-sm text-brand-700 hover:underline">
          Filter them in Sign-in Attempts
        </Link>
      }
    >
      <Table data-testid="sign-in-attempts">
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Result</Th>
            <Th>Source</Th>
            <Th>IP</Th>
            <Th>Browser</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? <EmptyRow colSpan={5}>No sign-in attempts.</EmptyRow> : null}
          {page.items.map((a) => (
            <Tr key={a.id}>
              <Td>{formatDateTime(a.attemptedAt)}</Td>
              <Td>
                <Badge tone={a.result === "SUCCESS" ? "green" : a.result === "LOCKED_OUT" ? "red" : "amber"}>
                  {loginResultLabels[a.result]}
                </Badge>
              </Td>
              <Td>{loginSourceLabels[a.source]}</Td>
              <Td>{a.ip ?? "—"}</Td>
              <Td>
                <span className="block max-w-64 truncate" title={a.userAgent ?? undefined}>
                  {a.userAgent ?? "—"}
                </span>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <Pager state={state} page={{ nextCursor: page.nextCursor }} noun="sign-in attempts" sizes={false} problem={problem} />
    </Section>
  );
}

import type { Metadata } from "next";
import { ConsentAction } from "@/components/account/consent-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Consents" };

export default async function ConsentsPage() {
  const { caller } = await getCustomerCaller();
  const consents = await caller.account.consents.list();
  return (
    <>
      <PageHeader title="Consents">
        <p className="mt-1 text-sm text-slate-600">
          What you agreed to, and when. Optional consents can be withdrawn at any time; we keep the record of when you gave and withdrew
          them.
        </p>
      </PageHeader>
      <div className="space-y-4">
        {consents.map((consent) => (
          <Card key={consent.id} data-testid="consent" aria-label={consent.title}>
            <CardBody className="flex flex-wrap items-start justify-between gap-4">
              <div className="max-w-2xl space-y-1 text-sm">
                <div className="flex items-center gap-2">
                  <h2 className="text-base font-semibold text-slate-900">{consent.title}</h2>
                  {consent.mandatory ? <Badge tone="amber">Required</Badge> : <Badge>Optional</Badge>}
                  {consent.current ? <Badge tone="green">Accepted</Badge> : <Badge tone="red">Not accepted</Badge>}
                </div>
                <p className="text-slate-700">{consent.body}</p>
                <ul className="text-xs text-slate-500" aria-label={`History of ${consent.title}`}>
                  {consent.history.map((entry) => (
                    <li key={entry.id}>
                      Accepted {formatDateTime(entry.acceptedAt)}
                      {entry.withdrawnAt ? ` · withdrawn ${formatDateTime(entry.withdrawnAt)}` : ""}
                    </li>
                  ))}
                </ul>
                {consent.mandatory && consent.current ? (
                  <p className="text-xs text-slate-500">
                    Required to have an account, so it cannot be withdrawn here. If you no longer agree, ask us to close your account.
                  </p>
                ) : null}
              </div>
              {consent.mandatory && consent.current ? null : !consent.active && !consent.current ? (
                <span className="text-xs text-slate-500">No longer offered</span>
              ) : (
                <ConsentAction consentId={consent.id} title={consent.title} accepted={!!consent.current} />
              )}
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A section of the page: a card with an anchor the section menu links to. */
export function Section({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="text-sm text-slate-500">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </Card>
  );
}

/** Rows per page of each list section: the record shows a glimpse of each list. */
export const SECTION_PAGE = 10;

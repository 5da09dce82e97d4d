"use client";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { NotesPanel } from "@/components/admin/notes-panel";

type Note = { id: number; body: string; createdAt: Date; updatedAt: Date; author: { firstName: string; lastName: string } | null };

/**
 * Notes staff keep about the customer: newest first, a page at a time (`pager`), with who wrote them; add, edit,
 * delete with `customer.edit`.
 */
export function CustomerNotes({
  customerId,
  notes,
  canEdit,
  pager,
}: {
  customerId: number;
  notes: Note[];
  canEdit: boolean;
  pager: ReactNode;
}) {
  return (
    <Card id="notes">
      <CardHeader title="Notes" description="Only staff see these." />
      <div className="px-5 py-4">
        <NotesPanel about={{ customerId }} notes={notes} canEdit={canEdit} />
      </div>
      {pager}
    </Card>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { formatDateTime } from "@/components/format";
import { calendarEventForm, type CalendarEventForm } from "@/server/schemas/calendarEvent";

type CalendarEvent = {
  id: number;
  title: string;
  description: string | null;
  startAt: Date;
  endAt: Date | null;
  upcoming: boolean;
  createdBy: { firstName: string; lastName: string } | null;
};

const empty: CalendarEventForm = { title: "", description: "", startAt: "", endAt: "" };

/** Events scheduled with a customer user; staff with the notes permission schedule new ones. */
export function CustomerUserEvents({
  customerUserId,
  events,
  canWrite,
}: {
  customerUserId: number;
  events: CalendarEvent[];
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.calendarEvents.create.mutationOptions());
  const form = useForm<CalendarEventForm>({ resolver: zodResolver(calendarEventForm), defaultValues: empty });
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync({
        customerUserId,
        title: values.title,
        description: values.description,
        startAt: new Date(values.startAt),
        endAt: values.endAt ? new Date(values.endAt) : null,
      });
      form.reset(empty);
      toast.success("Event scheduled.");
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <div className="space-y-4">
      {events.length === 0 ? <p className="text-sm text-slate-500">No events scheduled.</p> : null}
      <ul className="space-y-3" data-testid="events">
        {events.map((event) => (
          <li key={event.id} className="rounded-md border border-slate-200 p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{event.title}</span>
              {event.upcoming ? <Badge tone="blue">Upcoming</Badge> : null}
            </div>
            <div className="text-slate-600">
              {formatDateTime(event.startAt)}
              {event.endAt ? ` – ${formatDateTime(event.endAt)}` : ""}
            </div>
            {event.description ? <p className="mt-1 whitespace-pre-line text-slate-700">{event.description}</p> : null}
            <div className="mt-1 text-xs text-slate-500">
              Scheduled by {event.createdBy ? `${event.createdBy.firstName} ${event.createdBy.lastName}` : "a former staff member"}
            </div>
          </li>
        ))}
      </ul>
      {canWrite ? (
        <ClientForm onSubmit={submit} aria-label="Schedule an event" className="grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2">
          <TextField form={form} name="title" label="Event" placeholder="e.g. Quarterly review call" required className="sm:col-span-2" />
          <TextField form={form} name="startAt" label="Starts" type="datetime-local" required />
          <TextField form={form} name="endAt" label="Ends" type="datetime-local" />
          <TextField form={form} name="description" label="Description" className="sm:col-span-2" />
          <div className="flex justify-end sm:col-span-2">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Schedule event
            </Button>
          </div>
        </ClientForm>
      ) : null}
    </div>
  );
}

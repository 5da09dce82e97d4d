import { Badge } from "@/components/ui/badge";

/** The status of an order, quote or request for quote, as both audiences see it. */
export const statusLabel = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replaceAll("_", " ");

const tones: Record<string, "green" | "amber" | "red" | "slate" | "blue"> = {
  OPEN: "blue",
  PROCESSING: "amber",
  SHIPPED: "green",
  CLOSED: "slate",
  CANCELLED: "red",
  DRAFT: "slate",
  SENT_TO_CUSTOMER: "blue",
  ACCEPTED: "green",
  DECLINED: "red",
  EXPIRED: "slate",
  SUBMITTED: "blue",
  MORE_INFO_REQUESTED: "amber",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status] ?? "slate"}>{statusLabel(status)}</Badge>;
}

import type { CustomerOption } from "./customer-picker";

/** A role as its actions (clone, delete) and the clone form need it, with what the viewer may do to it. */
export type ActionRole = {
  id: number;
  label: string;
  customer: CustomerOption | null;
  can: { edit: boolean; delete: boolean; clone: boolean; assign: boolean };
};

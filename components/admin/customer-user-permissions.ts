import type { StaffPermission } from "@/server/authz/permissions";
import type { CustomerUserActionTarget } from "./customer-user-actions";

/**
 * Which customer-user actions a staff member may take, from their grants: what the grid's row menu, its mass
 * actions and the user's page header offer. The procedures check again; this only hides what would be refused.
 * Isomorphic, so server components compute it and hand it to the client components as a prop.
 */
export type CustomerUserPermissions = {
  view: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  enable: boolean;
  confirm: boolean;
  resetPassword: boolean;
  sendWelcome: boolean;
  impersonate: boolean;
};

export function customerUserPermissions(grants: { has: (permission: StaffPermission) => boolean }): CustomerUserPermissions {
  return {
    view: grants.has("customerUser.view"),
    create: grants.has("customerUser.create"),
    edit: grants.has("customerUser.edit"),
    delete: grants.has("customerUser.delete"),
    enable: grants.has("customerUser.enable"),
    confirm: grants.has("customerUser.confirm"),
    resetPassword: grants.has("customerUser.resetPassword"),
    sendWelcome: grants.has("customerUser.sendWelcome"),
    impersonate: grants.has("customerUser.impersonate"),
  };
}

/** What the actions need to know of a user, from a row of the grid or the user's record. */
export function actionTargetOf(user: {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  enabled: boolean;
  confirmedAt: Date | null;
  authStatus: "ACTIVE" | "RESET";
  erasedAt: Date | null;
}): CustomerUserActionTarget {
  const { id, firstName, lastName, email, enabled, authStatus } = user;
  return { id, firstName, lastName, email, enabled, authStatus, confirmed: user.confirmedAt !== null, erased: user.erasedAt !== null };
}

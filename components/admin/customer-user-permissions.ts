import type { StaffPermission } from "@/server/authz/permissions";

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

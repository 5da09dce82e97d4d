import { createCallerFactory, createTRPCRouter } from "./trpc";
import { customerUsersRouter } from "./routers/admin/customerUsers";
import { mailboxRouter } from "./routers/admin/mailbox";
import { staffSessionRouter } from "./routers/admin/session";
import { oauthAppsRouter } from "./routers/admin/oauthApps";
import { apiAccessRouter } from "./routers/account/apiAccess";
import { auditRouter } from "./routers/admin/audit";
import { companyAuditRouter } from "./routers/account/audit";
import { privacyRouter } from "./routers/admin/privacy";
import { myDataRouter } from "./routers/account/privacy";
import { invitationsRouter } from "./routers/account/invitations";
import { accountUsersRouter } from "./routers/account/users";
import { publicInvitationsRouter } from "./routers/public/invitations";
import { meRouter } from "./routers/account/me";
import { ordersRouter, quotesRouter, rfqsRouter, shoppingListsRouter } from "./routers/account/records";
import { loginAttemptsRouter } from "./routers/admin/loginAttempts";
import { calendarEventsRouter, notesRouter } from "./routers/admin/notes";
import { adminRecordsRouter } from "./routers/admin/records";
import { profileRouter } from "./routers/account/profile";
import { addressesRouter, companyAddressesRouter } from "./routers/account/addresses";
import { consentsRouter } from "./routers/account/consents";
import { identityRouter } from "./routers/public/identity";
import { customerUserRolesRouter } from "./routers/admin/customerUserRoles";
import { rolesRouter } from "./routers/account/roles";
import { customersRouter } from "./routers/admin/customers";
import { customerGroupsRouter } from "./routers/admin/customerGroups";
import { impersonationRouter } from "./routers/admin/impersonation";
import { accountImpersonationRouter } from "./routers/account/impersonation";
import { staffUsersRouter } from "./routers/admin/staffUsers";
import { staffRolesRouter } from "./routers/admin/staffRoles";
import { consentDefinitionsRouter, settingsRouter } from "./routers/admin/settings";
import { staffPasswordRouter } from "./routers/public/staffPassword";

export const appRouter = createTRPCRouter({
  admin: createTRPCRouter({
    session: staffSessionRouter,
    customerUsers: customerUsersRouter,
    mailbox: mailboxRouter,
    oauthApps: oauthAppsRouter,
    audit: auditRouter,
    privacy: privacyRouter,
    loginAttempts: loginAttemptsRouter,
    customerUserRoles: customerUserRolesRouter,
    customers: customersRouter,
    customerGroups: customerGroupsRouter,
    impersonation: impersonationRouter,
    notes: notesRouter,
    calendarEvents: calendarEventsRouter,
    records: adminRecordsRouter,
    staffUsers: staffUsersRouter,
    staffRoles: staffRolesRouter,
    settings: settingsRouter,
    consents: consentDefinitionsRouter,
  }),
  account: createTRPCRouter({
    me: meRouter,
    profile: profileRouter,
    addresses: addressesRouter,
    companyAddresses: companyAddressesRouter,
    consents: consentsRouter,
    impersonation: accountImpersonationRouter,
    orders: ordersRouter,
    quotes: quotesRouter,
    rfqs: rfqsRouter,
    shoppingLists: shoppingListsRouter,
    apiAccess: apiAccessRouter,
    audit: companyAuditRouter,
    myData: myDataRouter,
    invitations: invitationsRouter,
    users: accountUsersRouter,
    roles: rolesRouter,
  }),
  invitations: publicInvitationsRouter,
  auth: identityRouter,
  staffPassword: staffPasswordRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

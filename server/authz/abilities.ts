import type { CustomerPrincipal, Principal, StaffPrincipal } from "./access";
import { accountNav, adminNav } from "./nav";
import type { Operation } from "./operations";
import type { CustomerPermission, StaffPermission } from "./permissions";
import { reachOf, reaches, type Breadth, type ReachTarget } from "./reach";

/**
 * What the actor may do, said once here so pages read answers instead of grants: `canOn` for a row or record,
 * `staffAbilities`/`customerAbilities` for a screen's gates and create buttons, `navFor` for the menus, `reach` for
 * the sentences that say how far a list goes. The procedures still check every call; these only keep the screens
 * from offering what would be refused.
 */

export type Can<A extends string> = { readonly [K in A]: boolean };

/** Per ability, whether `op` reaches this row (as `scopeWhere(actor, op)` would find it). */
export function canOn<A extends string>(actor: Principal, target: ReachTarget, ops: Readonly<Record<A, Operation>>): Can<A> {
  return Object.fromEntries(Object.entries<Operation>(ops).map(([ability, op]) => [ability, reaches(actor, op, target)])) as Can<A>;
}

type Screens<P extends string> = Readonly<Record<string, Readonly<Record<string, P | readonly P[]>>>>;
type AbilitiesOf<S extends Screens<string>> = { readonly [K in keyof S]: Can<keyof S[K] & string> };

/** Each screen's abilities, each the permission (or all of several) the page asks for today. */
function abilitiesFrom<P extends string, S extends Screens<P>>(screens: S, has: (permission: P) => boolean): AbilitiesOf<S> {
  const holdsAll = (needs: P | readonly P[]) => (typeof needs === "string" ? has(needs) : needs.every(has));
  return Object.fromEntries(
    Object.entries(screens).map(([screen, abilities]) => [
      screen,
      Object.fromEntries(Object.entries(abilities).map(([ability, needs]) => [ability, holdsAll(needs)])),
    ]),
  ) as AbilitiesOf<S>;
}

const crud = <E extends string>(entity: E) =>
  ({ view: `${entity}.view`, create: `${entity}.create`, edit: `${entity}.edit`, delete: `${entity}.delete` }) as const;

const staffScreens = {
  customers: crud("customer"),
  customerGroups: crud("customerGroup"),
  customerUsers: {
    ...crud("customerUser"),
    enable: "customerUser.enable",
    confirm: "customerUser.confirm",
    resetPassword: "customerUser.resetPassword",
    sendWelcome: "customerUser.sendWelcome",
    impersonate: "customerUser.impersonate",
    notes: "customerUser.notes",
    privacy: "customerUser.privacy",
    apps: "oauthApp.manage",
  },
  customerUserRoles: crud("customerUserRole"),
  signInAttempts: { view: "loginAttempt.view", clearLockout: "loginAttempt.clearLockout" },
  mailbox: { view: "mailbox.view" },
  audit: { view: "audit.view" },
  // A new staff member is created from the list, so creating needs seeing it too.
  staff: { ...crud("staffUser"), create: ["staffUser.create", "staffUser.view"] },
  staffRoles: crud("staffRole"),
  settings: { view: "settings.view", edit: "settings.edit" },
  consents: crud("consent"),
} as const satisfies Screens<StaffPermission>;

const customerScreens = {
  addresses: { view: "customerUserAddress.view", viewCompany: "customerAddress.view" },
  orders: { view: "order.view" },
  quotes: { view: "quote.view" },
  rfqs: { view: "rfq.view" },
  shoppingLists: { view: "shoppingList.view" },
  users: { view: "customerUser.view", create: "customerUser.create", edit: "customerUser.edit", delete: "customerUser.delete" },
  // Invitations are the users being added: the page is for those who may add users.
  invitations: { view: "customerUser.create", create: "customerUser.create" },
  roles: { view: "customerUserRole.view", create: "customerUserRole.create" },
  apiAccess: { view: "oauthApp.manage" },
  audit: { view: "audit.view" },
} as const satisfies Screens<CustomerPermission>;

export type StaffAbilities = AbilitiesOf<typeof staffScreens>;
export type CustomerAbilities = AbilitiesOf<typeof customerScreens>;

export function staffAbilities(actor: StaffPrincipal): StaffAbilities {
  return abilitiesFrom(staffScreens, (permission: StaffPermission) => actor.grants.has(permission));
}

export function customerAbilities(actor: CustomerPrincipal): CustomerAbilities {
  return abilitiesFrom(customerScreens, (permission: CustomerPermission) => actor.grants.has(permission));
}

/** How far the lists a page describes reach ("every customer", "your company and its subsidiaries"). */
const staffReaches = { customerUsers: "customerUser.view", customers: "customer.view" } as const satisfies Record<string, Operation>;
const customerReaches = {
  users: "customerUser.view",
  roles: "customerUserRole.view",
  createRoles: "customerUserRole.create",
  assignRoles: "customerUserRole.assign",
  addresses: "customerUserAddress.view",
  companyAddresses: "customerAddress.view",
  orders: "order.view",
  quotes: "quote.view",
  rfqs: "rfq.view",
  shoppingLists: "shoppingList.view",
} as const satisfies Record<string, Operation>;

export type Reach<K extends string> = { readonly [P in K]: Breadth };
const reachFrom = <K extends string>(actor: Principal, ops: Record<K, Operation>) =>
  Object.fromEntries(Object.entries<Operation>(ops).map(([key, op]) => [key, reachOf(actor, op)])) as Reach<K>;

export const staffReach = (actor: StaffPrincipal) => reachFrom(actor, staffReaches);
export const customerReach = (actor: CustomerPrincipal) => reachFrom(actor, customerReaches);

export type NavItem = { href: string; label: string };
export type NavSection = { section: string; items: NavItem[] };

/** The menu the actor may use: the back office's sections, or the account's one list (as a single section). */
export function navFor(actor: Principal): NavSection[] {
  if (actor.realm === "staff") {
    return adminNav
      .map(({ section, items }) => ({
        section,
        items: items.filter((item) => actor.grants.has(item.permission)).map(({ href, label }) => ({ href, label })),
      }))
      .filter((section) => section.items.length > 0);
  }
  const items = accountNav
    .filter((item) => item.permission === null || actor.grants.has(item.permission))
    .map(({ href, label }) => ({ href, label }));
  return [{ section: "Account", items }];
}

/** The signed-in staff member, for every console page: who they are and what the screens may offer them. */
export function staffSession(actor: StaffPrincipal) {
  const { id, firstName, lastName, email } = actor;
  return { id, firstName, lastName, email, can: staffAbilities(actor), reach: staffReach(actor), nav: navFor(actor) };
}

/** The signed-in customer user (or a staff member signed in as them), for every account page. */
export function customerSession(actor: CustomerPrincipal) {
  const { id, firstName, lastName, email, customerId, impersonator } = actor;
  return {
    id,
    firstName,
    lastName,
    email,
    customerId,
    impersonator: impersonator
      ? { staffName: impersonator.staffName, reason: impersonator.reason, expiresAt: impersonator.expiresAt }
      : null,
    can: customerAbilities(actor),
    reach: customerReach(actor),
    nav: navFor(actor),
  };
}

export type StaffSession = ReturnType<typeof staffSession>;
export type CustomerSession = ReturnType<typeof customerSession>;

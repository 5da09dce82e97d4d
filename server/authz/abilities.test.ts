import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { callerFor, customerPrincipal, staffPrincipal } from "../test/principals";
import { canOn, customerAbilities, navFor, staffAbilities } from "./abilities";
import type { CustomerPrincipal, StaffPrincipal } from "./access";
import { accountNav, adminNav } from "./nav";
import { operationNames } from "./operations";
import { customerCatalogue, staffCatalogue, type CustomerPermission, type StaffPermission } from "./permissions";
import { reaches, reachOf, type ReachTarget } from "./reach";

const staff = (grants: [StaffPermission, "ALL" | "REPRESENTED"][]): StaffPrincipal => ({
  realm: "staff",
  id: 7,
  email: "",
  firstName: "",
  lastName: "",
  grants: new Map(grants),
});
const customer = (grants: [CustomerPermission, string][]): CustomerPrincipal => ({
  realm: "customer",
  id: 5,
  email: "",
  firstName: "",
  lastName: "",
  customerId: 3,
  customerPath: "/1/3/",
  websiteId: null,
  grants: new Map(grants) as CustomerPrincipal["grants"],
});
const flat = (abilities: Record<string, Record<string, boolean>>) =>
  Object.entries(abilities).flatMap(([screen, can]) => Object.entries(can).map(([key, value]) => [`${screen}.${key}`, value] as const));
const granted = (abilities: Record<string, Record<string, boolean>>) =>
  flat(abilities)
    .filter(([, value]) => value)
    .map(([key]) => key);

describe("canOn", () => {
  const represented: ReachTarget = { customerId: 4, customerPath: "/1/4/", ownerUserId: null, salesRepIds: [7] };
  const other: ReachTarget = { customerId: 9, customerPath: "/9/", ownerUserId: null, salesRepIds: [] };

  it("answers each ability as reaches does for its operation", () => {
    const actor = staff([
      ["customerUser.view", "ALL"],
      ["customerUser.edit", "REPRESENTED"],
    ]);
    const ops = { view: "customerUser.view", edit: "customerUser.edit", delete: "customerUser.delete" } as const;
    expect(canOn(actor, represented, ops)).toEqual({ view: true, edit: true, delete: false });
    expect(canOn(actor, other, ops)).toEqual({ view: true, edit: false, delete: false });
    for (const target of [represented, other])
      for (const op of operationNames) expect(canOn(actor, target, { it: op }).it).toBe(reaches(actor, op, target));
  });
});

describe("screen abilities", () => {
  it("staff: nothing without grants, everything for an administrator, and each permission opens only its own abilities", () => {
    expect(granted(staffAbilities(staff([])))).toEqual([]);
    expect(flat(staffAbilities(staff(staffCatalogue.map((info) => [info.key, "ALL"])))).every(([, value]) => value)).toBe(true);
    const one = (key: StaffPermission) => granted(staffAbilities(staff([[key, "REPRESENTED"]])));
    expect(one("customerUser.impersonate")).toEqual(["customerUsers.impersonate"]);
    expect(one("customer.create")).toEqual(["customers.create"]);
    expect(one("oauthApp.manage")).toEqual(["customerUsers.apps"]);
    // Creating staff members is offered from the list: it takes seeing them too.
    expect(one("staffUser.create")).toEqual([]);
    expect(
      granted(
        staffAbilities(
          staff([
            ["staffUser.create", "ALL"],
            ["staffUser.view", "ALL"],
          ]),
        ),
      ),
    ).toEqual(["staff.view", "staff.create"]);
  });

  it("customer users: the same from their levels", () => {
    expect(granted(customerAbilities(customer([])))).toEqual([]);
    expect(flat(customerAbilities(customer(customerCatalogue.map((info) => [info.key, info.levels.at(-1)!])))).every(([, v]) => v)).toBe(
      true,
    );
    expect(granted(customerAbilities(customer([["customerUser.create", "CUSTOMER"]])))).toEqual([
      "users.create",
      "invitations.view",
      "invitations.create",
    ]);
    expect(granted(customerAbilities(customer([["audit.view", "GRANTED"]])))).toEqual(["audit.view"]);
  });

  it("reach says how far a list goes, in one word", () => {
    expect(reachOf(staff([["customerUser.view", "ALL"]]), "customerUser.view")).toBe("all");
    expect(reachOf(staff([["customerUser.view", "REPRESENTED"]]), "customerUser.view")).toBe("represented");
    expect(reachOf(customer([["customerUserRole.view", "SUBTREE"]]), "customerUserRole.view")).toBe("subtree");
    expect(reachOf(customer([["order.view", "OWN"]]), "order.view")).toBe("self");
    expect(reachOf(customer([]), "order.view")).toBe("nothing");
    const impersonated = {
      ...customer([["order.view", "CUSTOMER"]]),
      impersonator: {
        impersonationId: 1,
        staffUserId: 7,
        staffName: "",
        reason: "",
        expiresAt: new Date(0),
        reach: "REPRESENTED" as const,
      },
    };
    expect(reachOf(impersonated, "order.view")).toBe("customer");
  });
});

describe("navFor", () => {
  it("staff see each entry whose permission they hold, and no empty section", () => {
    expect(navFor(staff([]))).toEqual([]);
    expect(navFor(staff([["customerUser.view", "REPRESENTED"]]))).toEqual([
      { section: "Customers", items: [{ href: "/admin/customer-users", label: "Customer Users" }] },
    ]);
    const all = navFor(staff(staffCatalogue.map((info) => [info.key, "ALL"])));
    expect(all.flatMap((s) => s.items.map((i) => i.href))).toEqual(adminNav.flatMap((s) => s.items.map((i) => i.href)));
  });

  it("customer users see the entries everyone sees and those their roles grant", () => {
    const hrefs = (actor: CustomerPrincipal) => navFor(actor).flatMap((s) => s.items.map((i) => i.href));
    expect(hrefs(customer([]))).toEqual(accountNav.filter((i) => i.permission === null).map((i) => i.href));
    expect(hrefs(customer([["order.view", "OWN"]]))).toContain("/account/orders");
    expect(hrefs(customer([["order.view", "OWN"]]))).not.toContain("/account/users");
  });
});

describe("the session procedures", () => {
  let db: PrismaClient;
  beforeAll(async () => {
    db = await createTestDb();
  });

  it("admin.session.me says who is signed in and what the screens may offer", async () => {
    const sales = await staffPrincipal(db, "sales@roster.test");
    const me = await callerFor(db, sales).admin.session.me();
    expect(Object.keys(me).sort()).toEqual(["can", "email", "firstName", "id", "lastName", "nav", "reach"]);
    expect(me).toMatchObject({ id: sales.id, email: "sales@roster.test", can: staffAbilities(sales), nav: navFor(sales) });
    expect(me.reach.customerUsers).toBe(reachOf(sales, "customerUser.view"));
  });

  it("account.me.session does the same for a customer user, and refuses staff", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    const me = await callerFor(db, amanda).account.me.session();
    expect(me).toMatchObject({ id: amanda.id, customerId: amanda.customerId, impersonator: null, can: customerAbilities(amanda) });
    expect(me.can.users.view).toBe(true);
    expect(me.nav[0]!.items.map((i) => i.href)).toContain("/account/users");
    const admin = await staffPrincipal(db, "admin@roster.test");
    await expect(callerFor(db, admin).account.me.session()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accumulateCustomerGrants, accumulateStaffGrants } from "./access";
import {
  assertWithinCustomerGrants,
  describeStaffExcess,
  exceedingCustomerGrants,
  exceedingStaffGrants,
  summarizeStaffExcess,
} from "./grants";
import { customerCatalogue, levelRank, staffCatalogue, type Level } from "./permissions";

const grantRow = fc
  .constantFrom(...customerCatalogue)
  .chain((info) => fc.constantFrom(...info.levels).map((level) => ({ permission: info.key as string, level: level as Level })));
const grantRows = fc.array(grantRow, { maxLength: 20 });

describe("exceedingCustomerGrants", () => {
  const actor = accumulateCustomerGrants([
    { permission: "order.view", level: "CUSTOMER" },
    { permission: "customerUser.edit", level: "SUBTREE" },
    { permission: "profile.update", level: "GRANTED" },
  ]);

  it("lets through what the actor holds, at or below their level", () => {
    expect(
      exceedingCustomerGrants(actor, [
        { permission: "order.view", level: "OWN" },
        { permission: "order.view", level: "CUSTOMER" },
        { permission: "customerUser.edit", level: "CUSTOMER" },
        { permission: "profile.update", level: "GRANTED" },
        { permission: "quote.view", level: "NONE" },
      ]),
    ).toEqual([]);
  });

  it("names every permission above the actor's level, with what they asked and what they hold", () => {
    const excess = exceedingCustomerGrants(actor, [
      { permission: "order.view", level: "SUBTREE" },
      { permission: "customerUserRole.edit", level: "CUSTOMER" },
      { permission: "audit.view", level: "GRANTED" },
    ]);
    expect(excess).toEqual([
      { permission: "order.view", label: "View order", requested: "SUBTREE", held: "CUSTOMER" },
      { permission: "customerUserRole.edit", label: "Edit customer user role", requested: "CUSTOMER", held: "NONE" },
      { permission: "audit.view", label: "View the company audit log", requested: "GRANTED", held: "NONE" },
    ]);
  });

  it("refuses with FORBIDDEN and a message naming the permission and both levels", () => {
    expect(() => assertWithinCustomerGrants(actor, [{ permission: "order.view", level: "SUBTREE" }], "create this role")).toThrow(
      'You cannot create this role with more than you hold yourself: "View order" at Corporate (you hold Department).',
    );
  });

  it("never lets a result exceed the actor, and reports only real excess (property)", () => {
    fc.assert(
      fc.property(grantRows, grantRows, (actorRows, requested) => {
        const grants = accumulateCustomerGrants(actorRows);
        const excess = exceedingCustomerGrants(grants, requested);
        const flagged = new Set(excess.map((e) => e.permission));
        for (const { permission, level } of requested) {
          const key = permission as (typeof customerCatalogue)[number]["key"];
          const exceeds = levelRank(key, level) > levelRank(key, grants.get(key) ?? "NONE");
          if (exceeds) expect(flagged.has(key)).toBe(true);
        }
        for (const e of excess) expect(levelRank(e.permission, e.requested)).toBeGreaterThan(levelRank(e.permission, e.held));
        // Whatever passes the check, granted on top, changes nothing the actor lacks.
        if (excess.length === 0) {
          const combined = accumulateCustomerGrants([...actorRows, ...requested]);
          expect(new Map([...combined].sort())).toEqual(new Map([...grants].sort()));
        }
      }),
    );
  });
});

describe("exceedingStaffGrants", () => {
  const salesManager = accumulateStaffGrants([
    { scope: "REPRESENTED", permissions: ["customerUser.view", "customerUser.edit", "mailbox.view"] },
  ]);

  it("allows what the actor holds at their scope, and unscoped permissions they hold", () => {
    expect(exceedingStaffGrants(salesManager, [{ scope: "REPRESENTED", permissions: ["customerUser.view", "mailbox.view"] }])).toEqual([]);
  });

  it("flags permissions the actor lacks and a wider scope than the actor's", () => {
    expect(
      exceedingStaffGrants(salesManager, [{ scope: "ALL", permissions: ["customerUser.view", "staffRole.edit", "mailbox.view"] }]),
    ).toEqual([
      { permission: "customerUser.view", label: "View customer users", requested: "ALL", held: "REPRESENTED" },
      { permission: "staffRole.edit", label: "Edit staff roles", requested: "ALL", held: null },
    ]);
  });

  it("says what exceeds in words, naming each, or the first few of a long list", () => {
    const excess = exceedingStaffGrants(salesManager, [
      { scope: "ALL", permissions: ["customerUser.view", "staffRole.edit", "audit.view", "consent.view"] },
    ]);
    expect(describeStaffExcess(excess.slice(0, 2))).toBe(
      '"View customer users" for all customers (you hold it only for the customers you represent), "Edit staff roles" (you do not hold it)',
    );
    expect(summarizeStaffExcess(excess, 2)).toBe(`${describeStaffExcess(excess.slice(0, 2))} and 2 more`);
    expect(summarizeStaffExcess(excess.slice(0, 2), 2)).toBe(describeStaffExcess(excess.slice(0, 2)));
  });

  it("never approves a permission the actor does not hold (property)", () => {
    const keys = staffCatalogue.map((i) => i.key as string);
    fc.assert(
      fc.property(fc.subarray(keys), fc.subarray(keys), fc.constantFrom("ALL" as const, "REPRESENTED" as const), (held, asked, scope) => {
        const actor = accumulateStaffGrants([{ scope: "ALL", permissions: held }]);
        const excess = new Set(exceedingStaffGrants(actor, [{ scope, permissions: asked }]).map((e) => e.permission as string));
        for (const key of asked) expect(excess.has(key)).toBe(!held.includes(key));
      }),
    );
  });
});

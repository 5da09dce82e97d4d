import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accumulateCustomerGrants, accumulateStaffGrants } from "./access";
import { customerCatalogue, levelRank, type Level } from "./permissions";

const grantRow = fc
  .constantFrom(...customerCatalogue)
  .chain((info) => fc.constantFrom(...info.levels).map((level) => ({ permission: info.key as string, level: level as Level })));
const role = fc.array(grantRow, { maxLength: 12 });

describe("accumulateCustomerGrants", () => {
  it("keeps the highest level per permission over all roles", () => {
    const grants = accumulateCustomerGrants([
      { permission: "order.view", level: "OWN" },
      { permission: "order.view", level: "SUBTREE" },
      { permission: "order.view", level: "CUSTOMER" },
      { permission: "profile.update", level: "GRANTED" },
    ]);
    expect(grants.get("order.view")).toBe("SUBTREE");
    expect(grants.get("profile.update")).toBe("GRANTED");
  });

  it("ignores NONE, unknown permissions and levels a permission does not take", () => {
    const grants = accumulateCustomerGrants([
      { permission: "order.view", level: "NONE" },
      { permission: "made.up", level: "SUBTREE" },
      { permission: "customerUser.view", level: "OWN" },
      { permission: "profile.update", level: "SUBTREE" },
    ]);
    expect([...grants.keys()]).toEqual([]);
  });

  it("does not depend on the order of roles or grants", () => {
    fc.assert(
      fc.property(fc.array(role, { maxLength: 5 }), (roles) => {
        const forward = accumulateCustomerGrants(roles.flat());
        const backward = accumulateCustomerGrants([...roles].reverse().flatMap((r) => [...r].reverse()));
        expect(new Map([...backward].sort())).toEqual(new Map([...forward].sort()));
      }),
    );
  });

  it("is monotone: adding a role never lowers any permission", () => {
    fc.assert(
      fc.property(fc.array(role, { maxLength: 4 }), role, (roles, extra) => {
        const before = accumulateCustomerGrants(roles.flat());
        const after = accumulateCustomerGrants([...roles.flat(), ...extra]);
        for (const [permission, level] of before) {
          expect(levelRank(permission, after.get(permission)!)).toBeGreaterThanOrEqual(levelRank(permission, level));
        }
      }),
    );
  });
});

describe("accumulateStaffGrants", () => {
  it("grants ALL when any role reaching the permission has the ALL scope", () => {
    const grants = accumulateStaffGrants([
      { scope: "REPRESENTED", permissions: ["customerUser.view", "customerUser.edit"] },
      { scope: "ALL", permissions: ["customerUser.view"] },
    ]);
    expect(grants.get("customerUser.view")).toBe("ALL");
    expect(grants.get("customerUser.edit")).toBe("REPRESENTED");
  });

  it("treats permissions that are not about customers as unscoped", () => {
    const grants = accumulateStaffGrants([{ scope: "REPRESENTED", permissions: ["mailbox.view", "nonsense"] }]);
    expect(grants.get("mailbox.view")).toBe("ALL");
    expect(grants.has("nonsense" as never)).toBe(false);
  });
});

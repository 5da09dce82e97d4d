import { describe, it } from "vitest";
import { expectRefused } from "../test/fixtures/escalation";
import { storefrontAttacks } from "../test/fixtures/escalationStorefront";

/** Each attack of server/test/fixtures/escalationStorefront.ts is refused and leaves the database as it was. */
describe("every storefront and /api/v1 path that changes what a user holds or may do", () => {
  it.each(storefrontAttacks)("refuses: $as may not $name", expectRefused);
});

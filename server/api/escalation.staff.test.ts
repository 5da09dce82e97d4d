import { describe, it } from "vitest";
import { expectRefused } from "../test/fixtures/escalation";
import { staffAttacks } from "../test/fixtures/escalationStaff";

/** Each attack of server/test/fixtures/escalationStaff.ts is refused and leaves the database as it was. */
describe("every staff path that changes what a user or staff member holds or may do", () => {
  it.each(staffAttacks)("refuses: $as may not $name", expectRefused);
});

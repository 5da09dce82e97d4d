import type { StaffPrincipal } from "../../server/authz/access";
import type { Seeded } from "./seed";
import type { Target } from "./target";

/** What every benchmark section measures with: the seeded database and the principals to act as. */
export type BenchContext = {
  target: Target;
  seeded: Seeded;
  runs: number;
  /** admin@roster.test: every permission, all customers. */
  admin: StaffPrincipal;
  /** sales@roster.test: limited to the customers they represent. */
  sales: StaffPrincipal;
};

import type { DbClient } from "../../db";
import { accumulateStaffGrants, isStaffAdministrator, type Principal } from "../../authz/access";
import { AppError } from "../../errors";

/**
 * The rules every path that changes staff users or staff roles must keep (DESIGN section 3, "Self-protection"):
 * nobody disables or demotes themselves, and the back office keeps an enabled staff administrator.
 */

/**
 * A staff administrator holds every staff permission for all customers. Since nobody can hand out more than they
 * hold, the back office needs at least one enabled administrator, or some powers could never be granted again.
 */
export async function staffAdministrators(tx: DbClient) {
  const staff = await tx.staffUser.findMany({
    where: { enabled: true },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      roles: { select: { role: { select: { scope: true, permissions: { select: { permission: true } } } } } },
    },
  });
  return staff.filter((member) => {
    const grants = accumulateStaffGrants(
      member.roles.map(({ role }) => ({ scope: role.scope, permissions: role.permissions.map((p) => p.permission) })),
    );
    return isStaffAdministrator(grants);
  });
}

/**
 * Runs `change` (inside the caller's transaction) and refuses it when it leaves no enabled staff administrator
 * where there was one; the transaction then rolls the change back. `refusal` says why, naming the last ones.
 */
export async function keepingStaffAdministrator<T>(
  tx: DbClient,
  change: () => Promise<T>,
  refusal: (lastAdministrators: string) => string,
): Promise<T> {
  // One such change at a time: two administrators taking each other's role at once would otherwise each see the
  // other one still there. The authz counter's row is the lock (every grant change writes it anyway).
  await tx.$queryRaw`SELECT "value" FROM "Counter" WHERE "name" = 'authz' FOR UPDATE`;
  const before = await staffAdministrators(tx);
  const result = await change();
  if (before.length > 0 && (await staffAdministrators(tx)).length === 0) {
    throw new AppError("BAD_REQUEST", refusal(before.map((s) => `${s.firstName} ${s.lastName}`).join(" and ")));
  }
  return result;
}

export function assertNotSelfStaff(actor: Principal, staffUserId: number, verb: string) {
  if (actor.realm === "staff" && actor.id === staffUserId) {
    throw new AppError("BAD_REQUEST", `You cannot ${verb} yourself.`);
  }
}

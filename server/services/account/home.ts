import type { DbClient } from "../../db";
import type { CustomerPrincipal } from "../../authz/access";

/**
 * What the account home shows: who you are, your customer, your roles. Not the customer's parent company: a customer
 * user's level reaches their customer and its subsidiaries, never up the tree (README, "Names beyond reach").
 */
export async function getAccountHome(db: DbClient, actor: CustomerPrincipal) {
  const user = await db.customerUser.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      id: true,
      email: true,
      namePrefix: true,
      firstName: true,
      middleName: true,
      lastName: true,
      nameSuffix: true,
      lastLoginAt: true,
      customer: { select: { id: true, name: true } },
      website: { select: { name: true } },
      roles: { select: { role: { select: { id: true, label: true, customerId: true } } } },
    },
  });
  return { ...user, roles: user.roles.map((r) => r.role) };
}

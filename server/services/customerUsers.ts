import type { DbClient } from "../db";
import type { Principal } from "../authz/access";
import { scopeWhere } from "../authz/scope";
import type { listCustomerUsersInput } from "../schemas/customerUser";
import type { z } from "zod";

const listSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  confirmedAt: true,
  authStatus: true,
  createdAt: true,
  lastLoginAt: true,
  customer: { select: { id: true, name: true } },
  website: { select: { id: true, name: true } },
} as const;

/** One keyset page of the customer users the actor's scope reaches (ordered by id). */
export async function listCustomerUsers(
  db: DbClient,
  actor: Principal,
  input: z.output<typeof listCustomerUsersInput>,
) {
  const search = input.search ? input.search : undefined;
  const rows = await db.customerUser.findMany({
    where: {
      AND: [
        scopeWhere(actor, "customerUser"),
        input.after ? { id: { gt: input.after } } : {},
        search
          ? {
              OR: [
                { email: { contains: search.toLowerCase() } },
                { firstName: { contains: search, mode: "insensitive" } },
                { lastName: { contains: search, mode: "insensitive" } },
              ],
            }
          : {},
      ],
    },
    select: listSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

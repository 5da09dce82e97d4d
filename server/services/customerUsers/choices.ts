import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import type { customerChoicesInput, customerPurposes } from "../../schemas/customerUser";
import { ancestorNames } from "../customers/paths";
import { likeLiteral } from "../kit/filters";
import { websiteLocalizations } from "../settings/storefront";

/**
 * What the customer-user forms offer: websites, sales representatives, and the customers the actor may pick for a
 * purpose (the roles they offer are roles/choices.ts'). The saves check the same reach (saveChecks.ts).
 */

type Purpose = (typeof customerPurposes)[number];

/** Websites with their localizations; for staff also the staff users who can be sales representatives. */
export async function customerUserFormOptions(db: DbClient, actor: Principal) {
  const websites = await db.website.findMany({
    select: { id: true, name: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
  const withLocalizations = await Promise.all(websites.map(async (w) => ({ ...w, localizations: await websiteLocalizations(db, w.id) })));
  const staff =
    actor.realm === "staff"
      ? await db.staffUser.findMany({
          where: { enabled: true },
          select: { id: true, firstName: true, lastName: true, email: true },
          orderBy: [{ lastName: "asc" }, { id: "asc" }],
        })
      : [];
  return { websites: withLocalizations, staff };
}

/** A subsidiary lies below the actor's own customer: only a Corporate level reaches it, for both what it takes. */
const purposeOps = {
  view: "customer.listUsers",
  create: "customer.addUser",
  edit: "customer.moveUserTo",
  subsidiary: "customer.addSubsidiary",
} as const;

/** The customers an actor may pick: to add a user to, to move a user to, or as a new subsidiary's parent. */
export function customersFor(actor: Principal, purpose: Purpose): Prisma.CustomerWhereInput {
  return scopeWhere(actor, purposeOps[purpose]);
}

/** Up to 20 customers matching `search`, with their ancestry (to tell namesakes apart) and sales representatives. */
export async function customerChoices(db: DbClient, actor: Principal, input: z.output<typeof customerChoicesInput>) {
  const reach = customersFor(actor, input.purpose);
  const rows = await db.customer.findMany({
    where: {
      AND: [
        reach,
        input.id ? { id: input.id } : {},
        input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {},
      ],
    },
    select: { id: true, name: true, path: true, enabled: true, salesRepresentatives: { select: { staffUserId: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
  });
  // Ancestors the actor sees at all (a subsidiary's administrator may not see the parent company).
  const ancestry = await ancestorNames(
    db,
    rows.map((row) => row.path),
    scopeWhere(actor, "customer.view"),
  );
  return rows.map(({ path: _path, salesRepresentatives, ...row }, index) => ({
    ...row,
    ancestry: ancestry[index]!,
    /** The nearest ancestor the actor sees (what a plain select shows next to the name). */
    parentName: ancestry[index]!.at(-1) ?? null,
    salesRepresentativeIds: actor.realm === "staff" ? salesRepresentatives.map((s) => s.staffUserId) : [],
  }));
}

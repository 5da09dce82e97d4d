import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import { bumpAuthzEpoch, type Principal } from "../../authz/access";
import { assertUsersHoldNoMore } from "../../authz/grants";
import { scopeWhere } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import type { MassResult } from "../../schemas/grid";
import type {
  customerUserActionInput,
  massDeleteCustomerUsersInput,
  massSetCustomerUsersEnabledInput,
  setCustomerUserEnabledInput,
} from "../../schemas/customerUser";
import { auditCustomerUser } from "../audit/record";
import { forEachRow } from "../kit/mass";
import { companyTransaction, lockCompanies } from "./companyLock";
import { assertCustomerKeepsManager, assertHasRole, assertNotSelf } from "./invariants";

/**
 * A customer user's life after creation: enabled or disabled, deleted (or why not), one at a time or as a mass
 * action. Realm-generic: the back office's grid and the storefront's /account/users call the same functions.
 */

/**
 * Enables or disables a customer user. Disabling revokes the user's sessions at once (sessionVersion); enabling
 * requires a role. Neither touches anything else about the user.
 */
export async function setCustomerUserEnabled(db: Db, actor: Principal, input: z.output<typeof setCustomerUserEnabledInput>) {
  assertNotSelf(actor, input.id, input.enabled ? "enable" : "disable");
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    const user = await tx.customerUser.findFirst({
      where: { id: input.id, ...scopeWhere(actor, "customerUser.enable") },
      select: { id: true, enabled: true, customerId: true, customerPath: true, erasedAt: true },
    });
    if (!user) throw notFound("Customer user");
    await assertUsersHoldNoMore(tx, actor, [user.id], input.enabled ? "enable a user" : "disable a user");
    if (user.enabled === input.enabled) return { id: user.id, enabled: user.enabled };
    if (input.enabled && user.erasedAt) throw erased();
    if (input.enabled) await assertHasRole(tx, lock, user);
    else await assertCustomerKeepsManager(tx, lock, user);
    const updated = await tx.customerUser.update({
      where: { id: user.id },
      data: {
        enabled: input.enabled,
        version: { increment: 1 },
        ...(input.enabled ? {} : { sessionVersion: { increment: 1 } }),
      },
      select: { id: true, enabled: true },
    });
    await auditCustomerUser(tx, actor, user, input.enabled ? "customerUser.enable" : "customerUser.disable", {
      before: { enabled: user.enabled },
      after: { enabled: updated.enabled },
    });
    return updated;
  });
}

export const erased = () => new AppError("BAD_REQUEST", "This user's personal data was erased; the account cannot be used again.");

/**
 * What deleting a user would remove, or why it is refused. Deleting is for accounts that hold no business history
 * (created by mistake, a duplicate, never used). Orders, quotes, requests for quote and shopping lists belong to
 * the customer and must keep the person who placed them, so a user who owns any is not deleted: disabling stops
 * their sign-in and keeps everything, and erasing their personal data (anonymization, see privacy.ts) keeps the
 * records under an "Erased user". What a deletion removes with the user: their addresses, preferences, roles,
 * consents, one-time links, OAuth applications (API access as them ends), notes and calendar events about them,
 * impersonation sessions (each action taken then is in the audit log with the staff member). What stays: the
 * audit log (with an entry for the deletion itself naming the user, their email and what was removed; entries the
 * user made keep the action, no longer linked to the account), the emails sent to them, their sign-in attempts and
 * invitations (no longer linked).
 */
export async function customerUserDeletion(db: DbClient, actor: Principal, id: number) {
  const user = await db.customerUser.findFirst({
    where: { id, ...scopeWhere(actor, "customerUser.delete") },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      enabled: true,
      customerId: true,
      customerPath: true,
      customerName: true,
      _count: {
        select: {
          orders: true,
          quotes: true,
          rfqs: true,
          shoppingLists: true,
          roles: true,
          addresses: true,
          notes: true,
          events: true,
          oauthApplications: true,
          consentAcceptances: true,
        },
      },
    },
  });
  if (!user) throw notFound("Customer user");
  const c = user._count;
  const owned = [
    [c.orders, "order"],
    [c.quotes, "quote"],
    [c.rfqs, "request for quote", "requests for quote"],
    [c.shoppingLists, "shopping list"],
  ] as const;
  const records = owned.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : (many ?? `${one}s`)}`);
  const refusal = records.length
    ? `${user.firstName} ${user.lastName} owns ${listing(records)} of ${user.customerName}, which must keep who placed them. Disable the user to stop their sign-in, or erase their personal data to anonymize them.`
    : null;
  return {
    user,
    refusal,
    removes: {
      addresses: c.addresses,
      notes: c.notes,
      events: c.events,
      oauthApplications: c.oauthApplications,
      consents: c.consentAcceptances,
    },
  };
}

function listing(parts: string[]) {
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : (parts[0] ?? "");
}

/**
 * Deletes a customer user who owns no business records (see customerUserDeletion), for both realms: never
 * oneself, never the customer's last enabled user manager, for a customer's administrator never a user holding
 * more than they do.
 */
export async function deleteCustomerUser(db: Db, actor: Principal, input: z.output<typeof customerUserActionInput>) {
  assertNotSelf(actor, input.id, "delete");
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    // Locked next: an order placed meanwhile (its foreign key check waits for this lock) is either counted below
    // or fails because the user is gone.
    await tx.$queryRaw`SELECT 1 FROM "CustomerUser" WHERE "id" = ${input.id} FOR UPDATE`;
    const { user, refusal, removes } = await customerUserDeletion(tx, actor, input.id);
    await assertUsersHoldNoMore(tx, actor, [user.id], "delete a user");
    if (refusal) throw new AppError("BAD_REQUEST", refusal);
    if (user.enabled) await assertCustomerKeepsManager(tx, lock, user);
    await tx.customerUser.delete({ where: { id: user.id } });
    // Its role assignments went with it.
    if (user._count.roles) await bumpAuthzEpoch(tx);
    await auditCustomerUser(tx, actor, user, "customerUser.delete", {
      before: {
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        customer: user.customerName,
        customerId: user.customerId,
        enabled: user.enabled,
      },
      after: { removed: removes },
    });
    return { id: user.id };
  });
}

// ---------------------------------------------------------------------------------- mass actions

/** How each realm's report names a row: the back office with the email, the storefront by name. */
const rowWording = {
  staff: {
    label: (r: { firstName: string; lastName: string; email: string }) => `${r.firstName} ${r.lastName} <${r.email}>`,
    unknown: (id: number) => `Customer user #${id}`,
  },
  customer: {
    label: (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`,
    unknown: (id: number) => `User #${id}`,
  },
} as const;

/** Names for a mass action's report: the rows the actor reaches; any other id is reported by number. */
async function rowLabels(db: DbClient, actor: Principal, ids: readonly number[]) {
  const rows = await db.customerUser.findMany({
    where: { id: { in: [...ids] }, ...scopeWhere(actor, "customerUser.view") },
    select: { id: true, firstName: true, lastName: true, email: true },
  });
  const wording = rowWording[actor.realm];
  const labels = new Map(rows.map((r) => [r.id, wording.label(r)]));
  return (id: number) => labels.get(id) ?? wording.unknown(id);
}

/** Enables or disables each row through setCustomerUserEnabled, so every rule holds per row; reports the skipped. */
export async function massSetCustomerUsersEnabled(
  db: Db,
  actor: Principal,
  input: z.output<typeof massSetCustomerUsersEnabledInput>,
): Promise<MassResult> {
  return forEachRow(input.ids, await rowLabels(db, actor, input.ids), (id) =>
    setCustomerUserEnabled(db, actor, { id, enabled: input.enabled }),
  );
}

/** Deletes each row through deleteCustomerUser; rows it refuses (business records, oneself) are reported. */
export async function massDeleteCustomerUsers(
  db: Db,
  actor: Principal,
  input: z.output<typeof massDeleteCustomerUsersInput>,
): Promise<MassResult> {
  return forEachRow(input.ids, await rowLabels(db, actor, input.ids), (id) => deleteCustomerUser(db, actor, { id }));
}

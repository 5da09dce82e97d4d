import type { Db, DbClient } from "../../db";
import { bumpAuthzEpoch, type Principal } from "../../authz/access";
import { assertWithinCustomerGrants, grantsOfRoles } from "../../authz/grants";
import { reaches } from "../../authz/reach";
import { scopeWhere } from "../../authz/scope";
import { AppError, notFound, staleVersion } from "../../errors";
import { addressData, addressFields, sameAddress, type AddressFields } from "../addresses/fields";
import { recordAudit } from "../audit/record";
import { assertMayHandOut } from "../roles/choices";
import { companyTransaction, lockCompanies } from "./companyLock";
import { assertCustomerKeepsManager, assertEnabledHasRoles, assertNotSelf } from "./invariants";
import {
  assertEmailFree,
  badRequest,
  checkedLocalization,
  checkedSalesReps,
  customerOfSave,
  personFields,
  sameSet,
  saveLocalization,
  snapshot,
  unique,
  type UpdateInput,
} from "./saveChecks";
import { personSelect } from "./person";

export const ownEmailRefusal = "Change your own email address from your profile: the new address is confirmed by a link sent to it.";
/** A user's addresses as a reach target: owned by the user, of the user's customer. */
const userAddresses = (user: { id: number; customerId: number; customerPath: string; customerSalesRepIds: readonly number[] }) => ({
  customerId: user.customerId,
  customerPath: user.customerPath,
  ownerUserId: user.id,
  salesRepIds: user.customerSalesRepIds,
});

/**
 * Saves an edit made against `version`; a newer change in between is refused (CONFLICT), and nothing is written.
 * Never changes whether the user is confirmed. Disabling ends the user's sessions; role changes apply on the next
 * request (authz epoch); a new customer rewrites the user's customer path.
 */
export async function updateCustomerUser(db: Db, actor: Principal, input: UpdateInput) {
  const roleIds = unique(input.roleIds);
  assertEnabledHasRoles(input.enabled, roleIds);
  return companyTransaction(db, async (tx) => {
    // Any edit may disable the user, change their roles or move them: the company's rules are counted under its lock.
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    const before = await tx.customerUser.findFirst({
      where: { id: input.id, ...scopeWhere(actor, "customerUser.edit") },
      select: {
        id: true,
        version: true,
        erasedAt: true,
        customerId: true,
        customerPath: true,
        customerSalesRepIds: true,
        websiteId: true,
        enabled: true,
        ...personSelect,
        roles: { select: { roleId: true } },
        salesRepresentatives: { select: { staffUserId: true } },
        addresses: { select: { id: true, ...addressFields } },
        websiteSettings: { select: { websiteId: true, localizationId: true } },
      },
    });
    if (!before) throw notFound("Customer user");
    if (before.version !== input.version) throw staleVersion();
    if (before.erasedAt) throw new AppError("BAD_REQUEST", "This user's personal data was erased; the record can no longer be edited.");
    const heldRoleIds = before.roles.map((r) => r.roleId);

    if (actor.realm === "customer") {
      // Nobody takes over an account stronger than their own (by changing its email, say).
      assertWithinCustomerGrants(actor.grants, await grantsOfRoles(tx, heldRoleIds), "edit a user");
      if (before.enabled && !input.enabled) assertNotSelf(actor, before.id, "disable");
      // One's own address changes only through the verified flow (profile.changeEmail), which proves the new one is
      // theirs; a staff member signed in as the user is the user here and is refused the same way.
      if (actor.id === before.id && input.email !== before.email) throw badRequest("email", ownEmailRefusal);
      if (actor.id === before.id && (input.newCustomer || input.customerId !== before.customerId)) {
        throw badRequest("customerId", "You cannot move yourself to another customer.");
      }
    }
    await assertEmailFree(tx, input.email, before.id);
    const customer = await customerOfSave(tx, actor, input, { id: before.customerId });
    const customerChanged = customer.id !== before.customerId;
    const rolesChanged = !sameSet(roleIds, heldRoleIds);
    const roles = await assertMayHandOut(tx, actor, customer, roleIds, { held: heldRoleIds, what: "assign roles" });
    if (before.enabled && (!input.enabled || customerChanged || rolesChanged)) {
      await assertCustomerKeepsManager(tx, lock, before, input.enabled && !customerChanged ? roleIds : []);
    }
    const heldReps = before.salesRepresentatives.map((s) => s.staffUserId);
    const salesReps = (await checkedSalesReps(tx, actor, input.salesRepresentativeIds && unique(input.salesRepresentativeIds))) ?? heldReps;
    const beforeLocalization = before.websiteSettings.find((s) => s.websiteId === before.websiteId)?.localizationId ?? null;
    const localizationId = await checkedLocalization(tx, input.websiteId, input.localizationId);

    const fields = personFields(input);
    const written = await tx.customerUser.updateMany({
      where: { id: before.id, version: input.version },
      data: {
        ...fields,
        customerId: customer.id,
        customerPath: customer.path,
        websiteId: input.websiteId,
        version: { increment: 1 },
        ...(before.enabled && !input.enabled ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    // The version in the WHERE makes check and write one step: a concurrent save cannot slip in between. It comes
    // before the user's roles, addresses and the rest are written, so a save that lost the race stops here.
    if (written.count !== 1) throw staleVersion();
    const addressChanges = input.addresses ? await saveAddresses(tx, actor, before, input.addresses) : null;
    if (rolesChanged) {
      await tx.customerUserRoleAssignment.deleteMany({ where: { customerUserId: before.id, roleId: { notIn: roleIds } } });
      await tx.customerUserRoleAssignment.createMany({
        data: roleIds.filter((id) => !heldRoleIds.includes(id)).map((roleId) => ({ customerUserId: before.id, roleId })),
      });
      await bumpAuthzEpoch(tx);
    }
    if (!sameSet(salesReps, heldReps)) {
      await tx.customerUserSalesRep.deleteMany({ where: { customerUserId: before.id } });
      await tx.customerUserSalesRep.createMany({ data: salesReps.map((staffUserId) => ({ customerUserId: before.id, staffUserId })) });
    }
    await saveLocalization(tx, before.id, input.websiteId, localizationId);

    const beforeFields = {
      enabled: before.enabled,
      namePrefix: before.namePrefix,
      firstName: before.firstName,
      middleName: before.middleName,
      lastName: before.lastName,
      nameSuffix: before.nameSuffix,
      email: before.email,
      birthday: before.birthday,
      phone: before.phone,
    };
    await recordAudit(tx, actor, {
      action: "customerUser.update",
      entityType: "CustomerUser",
      entityId: before.id,
      customerPath: customer.path,
      before: snapshot(beforeFields, {
        customerId: before.customerId,
        roleIds: heldRoleIds,
        salesRepresentativeIds: heldReps,
        websiteId: before.websiteId,
        localizationId: beforeLocalization,
      }),
      after: snapshot(fields, {
        customerId: customer.id,
        roleIds: roles.map((r) => r.id),
        salesRepresentativeIds: salesReps,
        websiteId: input.websiteId,
        localizationId,
        addresses: addressChanges,
      }),
    });
    return { id: before.id, version: input.version + 1 };
  });
}

/**
 * The address book as the form sent it: addresses with an id are updated (when changed), new ones created, and
 * those left out deleted. A customer user needs the address permission reaching the user for each kind of change.
 */
async function saveAddresses(
  tx: DbClient,
  actor: Principal,
  user: {
    id: number;
    customerId: number;
    customerPath: string;
    customerSalesRepIds: number[];
    addresses: (AddressFields & { id: number })[];
  },
  addresses: NonNullable<UpdateInput["addresses"]>,
) {
  const existing = new Map(user.addresses.map((a) => [a.id, a]));
  const kept = new Set<number>();
  const changes = { create: [] as AddressFields[], update: [] as { id: number; data: AddressFields }[] };
  for (const address of addresses) {
    const data = addressData(address);
    if (address.id === undefined) {
      changes.create.push(data);
      continue;
    }
    const current = existing.get(address.id);
    if (!current) throw badRequest("addresses", "One of the addresses no longer exists. Reload the page.");
    kept.add(address.id);
    if (!sameAddress(current, data)) changes.update.push({ id: address.id, data });
  }
  const deleted = user.addresses.filter((a) => !kept.has(a.id)).map((a) => a.id);
  if (actor.realm === "customer") {
    const need: [boolean, "create" | "edit" | "delete", string][] = [
      [changes.create.length > 0, "create", "add"],
      [changes.update.length > 0, "edit", "edit"],
      [deleted.length > 0, "delete", "delete"],
    ];
    for (const [needed, action, verb] of need) {
      if (needed && !reaches(actor, `customerUserAddress.${action}`, userAddresses(user)))
        throw new AppError("FORBIDDEN", `Your roles do not let you ${verb} this user's addresses.`);
    }
  }
  if (deleted.length) await tx.customerUserAddress.deleteMany({ where: { customerUserId: user.id, id: { in: deleted } } });
  for (const { id, data } of changes.update) await tx.customerUserAddress.update({ where: { id }, data });
  if (changes.create.length)
    await tx.customerUserAddress.createMany({ data: changes.create.map((data) => ({ ...data, customerUserId: user.id })) });
  return { added: changes.create.length, changed: changes.update.map((u) => u.id), deleted };
}

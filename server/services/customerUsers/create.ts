import type { Db } from "../../db";
import { bumpAuthzEpoch, type Principal } from "../../authz/access";
import { reaches } from "../../authz/reach";
import { AppError } from "../../errors";
import { hashPassword } from "../../auth/password";
import { addressData } from "../addresses/fields";
import { recordAudit } from "../audit/record";
import { sendWelcomeEmail } from "../identity/linkEmails";
import { assertMayHandOut } from "../roles/choices";
import { assertEnabledHasRoles } from "./invariants";
import {
  assertEmailFree,
  badRequest,
  checkedLocalization,
  checkedSalesReps,
  customerOfSave,
  personFields,
  saveLocalization,
  snapshot,
  unique,
  type CreateInput,
} from "./saveChecks";

/** The addresses of a user not yet created at this customer: owned by no one yet, so OWN does not reach them. */
const newUserAddresses = (customer: { id: number; path: string; salesRepresentativeIds: readonly number[] }) => ({
  customerId: customer.id,
  customerPath: customer.path,
  ownerUserId: null,
  salesRepIds: customer.salesRepresentativeIds,
});

/**
 * Creates a customer user, in the actor's reach, with roles the customer may use (and, for a customer user, within
 * their grants). Created users are confirmed: whoever creates one vouches for the address. The welcome email never
 * carries a password; with Generate Password it links to choosing one.
 */
export async function createCustomerUser(db: Db, actor: Principal, input: CreateInput) {
  const roleIds = unique(input.roleIds);
  assertEnabledHasRoles(input.enabled, roleIds);
  if (input.sendWelcomeEmail && !input.enabled) {
    throw badRequest("sendWelcomeEmail", "A disabled user cannot sign in: enable the user, or send the welcome email once they are.");
  }
  // Outside the transaction: hashing takes a while and needs nothing from the database.
  const passwordHash = input.generatePassword || !input.password ? null : await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const customer = await customerOfSave(tx, actor, input);
    const roles = await assertMayHandOut(tx, actor, customer, roleIds, { what: "assign roles" });
    const salesReps =
      (await checkedSalesReps(tx, actor, input.salesRepresentativeIds && unique(input.salesRepresentativeIds))) ??
      customer.salesRepresentativeIds;
    const localizationId = await checkedLocalization(tx, input.websiteId, input.localizationId);
    if (actor.realm === "customer" && input.addresses.length && !reaches(actor, "customerUserAddress.create", newUserAddresses(customer))) {
      throw new AppError("FORBIDDEN", "Your roles do not let you add addresses for this customer's users.");
    }
    const fields = personFields(input);
    const user = await tx.customerUser.create({
      data: {
        ...fields,
        confirmedAt: new Date(),
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
        customerId: customer.id,
        customerPath: customer.path,
        websiteId: input.websiteId,
        ownerId: actor.realm === "staff" ? actor.id : customer.ownerId,
        roles: { createMany: { data: roles.map((role) => ({ roleId: role.id })) } },
        salesRepresentatives: { createMany: { data: salesReps.map((staffUserId) => ({ staffUserId })) } },
        addresses: { createMany: { data: input.addresses.map(addressData) } },
      },
      select: { id: true, email: true, firstName: true, lastName: true, websiteId: true },
    });
    await saveLocalization(tx, user.id, input.websiteId, localizationId);
    if (roles.length) await bumpAuthzEpoch(tx);
    if (input.sendWelcomeEmail) await sendWelcomeEmail(tx, user, { setPassword: !passwordHash });
    await recordAudit(tx, actor, {
      action: "customerUser.create",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: customer.path,
      after: snapshot(fields, {
        customer: customer.name,
        roles: roles.map((r) => r.label),
        salesRepresentativeIds: salesReps,
        websiteId: input.websiteId,
        localizationId,
        addresses: input.addresses.length,
        password: passwordHash ? "set" : "none",
        welcomeEmail: input.sendWelcomeEmail,
      }),
    });
    return { id: user.id };
  });
}

import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import { AppError, fromPrismaError } from "../../errors";
import { hashPassword } from "../../auth/password";
import { appLink, enqueueEmail, localeOfCustomerUser } from "../../email/outbox";
import { registrationProblems, type RegistrationOutcome, type registerInput } from "../../schemas/identity";
import { recordAudit } from "../audit/record";
import { createCustomerNode } from "../customers/paths";
import { allowEmailRequest, answerAlike, type RequestInfo } from "./publicRequests";
import { consume, rules } from "./rateLimit";
import { issueSignInTicket } from "./signIn";
import { sendLinkEmail, type LinkRecipient } from "./linkEmails";
import { consumeToken, invalidToken } from "./tokens";
import { storefrontWebsite, websiteLocalizations } from "../settings/storefront";

/**
 * Self-registration on the storefront, email confirmation and its resending. None of it tells a visitor whether
 * an email address has an account: a taken address gets the same answer as a new one, and its owner an email.
 */

const system = { realm: "system" } as const;

export async function activeConsents(db: DbClient) {
  return db.consent.findMany({
    where: { active: true },
    select: { id: true, title: true, body: true, mandatory: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
}

/** What is wrong with the consents a new account is given (registration, an accepted invitation); empty when fine. */
export function consentProblems(
  consents: { id: number; title: string; mandatory: boolean }[],
  value: { companyName?: string | null; consentIds: number[] },
  companyNameRequired = false,
) {
  const problems = registrationProblems(value, { companyNameRequired, mandatoryConsents: consents.filter((c) => c.mandatory) });
  if (value.consentIds.some((id) => !consents.some((c) => c.id === id))) {
    problems.consentIds = ["One of the consents is no longer offered. Reload the page."];
  }
  return problems;
}

/** What the registration and sign-in pages need to know about the storefront. */
export async function registrationOptions(db: DbClient) {
  const website = await storefrontWebsite(db);
  const settings = website?.settings;
  return {
    allowed: !!settings?.registrationAllowed && !!settings.defaultRoleId,
    linkShown: !!settings?.registrationAllowed && settings.registrationLinkShown,
    companyNameFieldShown: settings?.companyNameFieldShown ?? true,
    localizations: await websiteLocalizations(db, website?.id ?? null),
    consents: await activeConsents(db),
  };
}

export async function registerCustomerUser(
  db: Db,
  input: z.output<typeof registerInput>,
  request: RequestInfo,
): Promise<RegistrationOutcome> {
  const website = await storefrontWebsite(db);
  const settings = website?.settings;
  if (!website || !settings?.registrationAllowed || !settings.defaultRoleId) {
    throw new AppError("BAD_REQUEST", "Registration is not open on this website. Please contact us to get an account.");
  }
  const problems = consentProblems(await activeConsents(db), input, settings.companyNameFieldShown);
  if (Object.keys(problems).length) throw new AppError("BAD_REQUEST", "Some fields need your attention.", { fieldErrors: problems });

  const outcome: RegistrationOutcome = { next: settings.confirmationRequired ? "confirm-email" : "sign-in", signInTicket: null };
  const sendAllowed = await allowEmailRequest(db, request, "register", input.email);
  // Hashed before answering, whether or not the address is taken (and it paces a flood of registrations).
  const passwordHash = await hashPassword(input.password);
  const register = () => createOrNotify(db, { website, settings, input, passwordHash, sendAllowed, outcome });
  // A website that signs new users in at once answers a new address with a session, a taken one without: the answer
  // differs anyway. Every other answer goes out before anything that depends on whether the address is taken.
  if (!settings.confirmationRequired && settings.signInAfterRegistration) return register();
  await request.defer(register);
  return outcome;
}

type Website = NonNullable<Awaited<ReturnType<typeof storefrontWebsite>>>;

async function createOrNotify(
  db: Db,
  {
    website,
    settings,
    input,
    passwordHash,
    sendAllowed,
    outcome,
  }: {
    website: Website;
    settings: NonNullable<Website["settings"]>;
    input: z.output<typeof registerInput>;
    passwordHash: string;
    sendAllowed: boolean;
    outcome: RegistrationOutcome;
  },
): Promise<RegistrationOutcome> {
  const existing = await db.customerUser.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    if (sendAllowed) await notifyOwner(db, input.email);
    return outcome;
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const localizations = await websiteLocalizations(tx, website.id);
        const localization = localizations.find((l) => l.code === input.localization) ?? localizations.find((l) => l.isDefault);
        const customer = await createCustomerNode(tx, {
          name: (settings.companyNameFieldShown && input.companyName) || `${input.firstName} ${input.lastName}`,
          ownerId: settings.registrationOwnerId,
        });
        const user = await tx.customerUser.create({
          data: {
            email: input.email,
            namePrefix: input.namePrefix,
            firstName: input.firstName,
            middleName: input.middleName,
            lastName: input.lastName,
            nameSuffix: input.nameSuffix,
            passwordHash,
            passwordChangedAt: new Date(),
            confirmedAt: settings.confirmationRequired ? null : new Date(),
            customerId: customer.id,
            customerPath: customer.path,
            websiteId: website.id,
            ownerId: settings.registrationOwnerId,
            roles: { create: { roleId: settings.defaultRoleId! } },
            websiteSettings: { create: { websiteId: website.id, localizationId: localization?.id ?? null } },
            consentAcceptances: { createMany: { data: input.consentIds.map((consentId) => ({ consentId })) } },
          },
          select: { id: true, email: true, firstName: true, lastName: true, websiteId: true },
        });
        await recordAudit(tx, system, {
          action: "customerUser.register",
          entityType: "CustomerUser",
          entityId: user.id,
          customerPath: customer.path,
          after: {
            email: user.email,
            customer: customer.name,
            roleId: settings.defaultRoleId,
            confirmed: !settings.confirmationRequired,
            consentIds: input.consentIds,
          },
        });
        if (settings.confirmationRequired) {
          await sendConfirmation(tx, user);
        } else {
          await enqueueEmail(tx, {
            template: "welcome",
            locale: await localeOfCustomerUser(tx, user),
            to: user.email,
            toName: `${user.firstName} ${user.lastName}`,
            props: { firstName: user.firstName, loginUrl: appLink("/login"), setPasswordLink: null, hours: 0 },
            customerUserId: user.id,
          });
          if (settings.signInAfterRegistration) outcome.signInTicket = await issueSignInTicket(tx, user);
        }
        return outcome;
        // The largest write of the app (customer, user, role, settings, consents, audit, token, email): the first one
        // after a start also compiles its query plans and warms the email renderer. It locks only new rows.
      },
      { timeout: 15_000 },
    );
  } catch (error) {
    // Two registrations of one address at once: the loser is answered like any taken address.
    const mapped = fromPrismaError(error);
    if (mapped instanceof AppError && mapped.code === "CONFLICT" && mapped.fieldErrors?.email) return { ...outcome, signInTicket: null };
    throw error;
  }
}

/** "Someone tried to register with your address", at most once a day per account. */
async function notifyOwner(db: DbClient, email: string) {
  if (!(await consume(db, `register:notice:${email}`, rules.registrationNotice))) return;
  const owner = await db.customerUser.findUnique({
    where: { email },
    select: { id: true, email: true, firstName: true, lastName: true, websiteId: true },
  });
  if (!owner) return;
  await enqueueEmail(db, {
    template: "registrationAttempt",
    locale: await localeOfCustomerUser(db, owner),
    to: owner.email,
    toName: `${owner.firstName} ${owner.lastName}`,
    props: { firstName: owner.firstName, loginUrl: appLink("/login"), resetUrl: appLink("/forgot-password") },
    customerUserId: owner.id,
  });
}

/** The confirmation email (also what staff send again for an unconfirmed user). */
export function sendConfirmation(tx: DbClient, user: LinkRecipient) {
  return sendLinkEmail(tx, user, { purpose: "EMAIL_CONFIRMATION", template: "confirmation", path: "/confirm" });
}

/**
 * Confirms the address the link was sent to (a link for an address the user no longer has is void) and, when the
 * website signs users in after registration, hands back a sign-in ticket.
 */
export async function confirmEmail(db: Db, raw: string) {
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, "EMAIL_CONFIRMATION", raw);
    const user = await tx.customerUser.findUnique({
      where: { id: token.customerUserId ?? 0 },
      select: {
        id: true,
        email: true,
        confirmedAt: true,
        customerPath: true,
        website: { select: { settings: { select: { signInAfterRegistration: true } } } },
      },
    });
    if (!user || user.email !== token.email) throw invalidToken();
    if (!user.confirmedAt) {
      await tx.customerUser.update({ where: { id: user.id }, data: { confirmedAt: new Date() } });
      await recordAudit(tx, system, {
        action: "customerUser.confirm",
        entityType: "CustomerUser",
        entityId: user.id,
        customerPath: user.customerPath,
        before: { confirmed: false },
        after: { confirmed: true },
      });
    }
    const signIn = !!user.website?.settings?.signInAfterRegistration;
    return { email: user.email, signInTicket: signIn ? await issueSignInTicket(tx, user) : null };
  });
}

/** Sends a new confirmation link to an unconfirmed account; the answer is the same for any address. */
export async function resendConfirmation(db: Db, email: string, request: RequestInfo) {
  await answerAlike(db, request, "confirm", email, async () => {
    const user = await db.customerUser.findUnique({
      where: { email },
      select: { id: true, email: true, firstName: true, lastName: true, websiteId: true, confirmedAt: true, enabled: true, erasedAt: true },
    });
    if (!user || user.confirmedAt || !user.enabled || user.erasedAt) return;
    await db.$transaction((tx) => sendConfirmation(tx, user));
  });
}

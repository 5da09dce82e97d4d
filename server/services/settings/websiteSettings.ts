import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { AppError, notFound, staleVersion, type FieldErrors } from "../../errors";
import type { updateWebsiteSettingsInput } from "../../schemas/settings";
import { recordAudit } from "../audit/record";

/**
 * The storefront settings of each website: registration, confirmation, the role and staff owner of self-registered
 * customers, the invitation lifetime, the enabled localizations. The storefront reads them on every request, so a
 * saved change applies at once.
 */

/** The schema's defaults, for a website whose settings were never saved. */
const defaults = {
  registrationAllowed: true,
  registrationLinkShown: true,
  confirmationRequired: true,
  signInAfterRegistration: false,
  companyNameFieldShown: true,
  defaultRoleId: null,
  registrationOwnerId: null,
  invitationTtlHours: 168,
  updatedAt: null,
};

const settingsSelect = {
  registrationAllowed: true,
  registrationLinkShown: true,
  confirmationRequired: true,
  signInAfterRegistration: true,
  companyNameFieldShown: true,
  defaultRoleId: true,
  registrationOwnerId: true,
  invitationTtlHours: true,
  updatedAt: true,
} as const;

/** Everything the settings page shows for one website (the default one when none is asked for). */
export async function getWebsiteSettings(db: DbClient, websiteId?: number) {
  const websites = await db.website.findMany({
    select: { id: true, code: true, name: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { id: "asc" }],
  });
  const website = websiteId ? websites.find((w) => w.id === websiteId) : websites[0];
  if (!website) throw notFound("Website");
  const [settings, enabled, localizations, roles, staff] = await Promise.all([
    db.websiteSettings.findUnique({ where: { websiteId: website.id }, select: settingsSelect }),
    db.websiteLocalization.findMany({ where: { websiteId: website.id }, select: { localizationId: true, isDefault: true } }),
    db.localization.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: "asc" } }),
    db.customerUserRole.findMany({
      where: { customerId: null },
      select: { id: true, label: true, public: true },
      orderBy: { label: "asc" },
    }),
    db.staffUser.findMany({
      where: { enabled: true },
      select: { id: true, firstName: true, lastName: true, email: true },
      orderBy: [{ lastName: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    websites,
    website,
    settings: {
      ...(settings ?? defaults),
      localizationIds: enabled.map((l) => l.localizationId),
      defaultLocalizationId: enabled.find((l) => l.isDefault)?.localizationId ?? null,
    },
    choices: { localizations, roles, staff },
  };
}

type Input = z.output<typeof updateWebsiteSettingsInput>;

/** Rules that need the database; each problem is reported on its field. */
async function problemsOf(tx: DbClient, input: Input): Promise<FieldErrors> {
  const problems: FieldErrors = {};
  if (input.defaultRoleId !== null) {
    const role = await tx.customerUserRole.findUnique({
      where: { id: input.defaultRoleId },
      select: { label: true, customerId: true, public: true },
    });
    if (!role) problems.defaultRoleId = ["This role no longer exists."];
    else if (role.customerId !== null)
      problems.defaultRoleId = [`“${role.label}” belongs to one customer; new users need a predefined role that every customer has.`];
    else if (!role.public) problems.defaultRoleId = [`“${role.label}” is not public; choose a public role.`];
  }
  if (input.registrationOwnerId !== null) {
    const owner = await tx.staffUser.findUnique({
      where: { id: input.registrationOwnerId },
      select: { firstName: true, lastName: true, enabled: true },
    });
    if (!owner) problems.registrationOwnerId = ["This staff member no longer exists."];
    else if (!owner.enabled)
      problems.registrationOwnerId = [`${owner.firstName} ${owner.lastName} is disabled; choose an enabled staff member.`];
  }
  const ids = [...new Set(input.localizationIds)];
  if ((await tx.localization.count({ where: { id: { in: ids } } })) !== ids.length)
    problems.localizationIds = ["Some localizations no longer exist. Reload the page."];
  return problems;
}

export async function updateWebsiteSettings(db: Db, actor: StaffPrincipal, input: Input) {
  return db.$transaction(async (tx) => {
    const before = await getWebsiteSettings(tx, input.websiteId);
    const current = before.settings;
    if (current.updatedAt?.getTime() !== input.updatedAt?.getTime()) throw staleVersion();
    const problems = await problemsOf(tx, input);
    if (Object.keys(problems).length)
      throw new AppError("BAD_REQUEST", Object.values(problems).flat().join(" "), { fieldErrors: problems });

    const { websiteId, updatedAt, localizationIds, defaultLocalizationId, ...values } = input;
    let saved: { updatedAt: Date };
    if (updatedAt === null) {
      saved = await tx.websiteSettings.create({ data: { websiteId, ...values }, select: { updatedAt: true } });
    } else {
      // Compare-and-set on the time of the last save: of two concurrent saves from one state, one wins.
      const claimed = await tx.websiteSettings.updateMany({ where: { websiteId, updatedAt }, data: values });
      if (claimed.count !== 1) throw staleVersion();
      saved = await tx.websiteSettings.findUniqueOrThrow({ where: { websiteId }, select: { updatedAt: true } });
    }
    const ids = [...new Set(localizationIds)];
    await tx.websiteLocalization.deleteMany({ where: { websiteId, localizationId: { notIn: ids } } });
    await tx.websiteLocalization.createMany({ data: ids.map((localizationId) => ({ websiteId, localizationId })), skipDuplicates: true });
    await tx.websiteLocalization.updateMany({ where: { websiteId }, data: { isDefault: false } });
    await tx.websiteLocalization.update({
      where: { websiteId_localizationId: { websiteId, localizationId: defaultLocalizationId! } },
      data: { isDefault: true },
    });

    const codes = (list: number[]) => before.choices.localizations.filter((l) => list.includes(l.id)).map((l) => l.code);
    const codeOf = (localizationId: number | null) => before.choices.localizations.find((l) => l.id === localizationId)?.code ?? null;
    const { updatedAt: _before, localizationIds: enabledBefore, defaultLocalizationId: defaultBefore, ...valuesBefore } = current;
    await recordAudit(tx, actor, {
      action: "settings.update",
      entityType: "WebsiteSettings",
      entityId: websiteId,
      before: { ...valuesBefore, localizations: codes(enabledBefore), defaultLocalization: codeOf(defaultBefore) },
      after: { ...values, localizations: codes(ids), defaultLocalization: codeOf(defaultLocalizationId) },
    });
    return { websiteId, updatedAt: saved.updatedAt };
  });
}

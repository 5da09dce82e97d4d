import { describe, expect, it } from "vitest";
import {
  admin,
  db,
  de,
  en,
  messageOf,
  privacyId,
  registration,
  saved,
  settingsRow,
  store,
  visitor,
  wholesale,
} from "../../../test/fixtures/settings";

describe("admin.settings.get", () => {
  it("shows the default website's settings, its localizations and the choices the form offers", async () => {
    const page = await (await admin()).admin.settings.get({});
    expect(page.websites.map((w) => w.code)).toEqual(["default", "wholesale"]);
    expect(page.website.id).toBe(store.id);
    expect(page.settings).toMatchObject({
      registrationAllowed: true,
      confirmationRequired: true,
      invitationTtlHours: 168,
      localizationIds: [en, de],
      defaultLocalizationId: en,
    });
    expect(page.choices.roles.map((r) => r.label)).toEqual(["Administrator", "Buyer"]);
    expect(page.choices.staff.map((s) => s.email)).toEqual([
      "admin@roster.test",
      "people@roster.test",
      "sales@roster.test",
      "viewer@roster.test",
    ]);
    expect((await (await admin()).admin.settings.get({ websiteId: wholesale.id })).settings).toMatchObject({
      registrationAllowed: false,
      localizationIds: [en],
    });
    await expect((await admin()).admin.settings.get({ websiteId: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.settings.update", () => {
  it("closes registration at once: the page's options and the procedure refuse; opening it again works", async () => {
    const caller = await admin();
    await caller.admin.settings.update(await saved(store.id, { registrationAllowed: false }));
    expect(await visitor().registrationOptions()).toMatchObject({ allowed: false, linkShown: false });
    expect(await messageOf(visitor().register(registration("closed@example.test", [await privacyId()])))).toBe(
      "BAD_REQUEST: Registration is not open on this website. Please contact us to get an account.",
    );
    expect(await db.customerUser.count({ where: { email: "closed@example.test" } })).toBe(0);

    await caller.admin.settings.update(await saved(store.id, { registrationAllowed: true, registrationLinkShown: false }));
    expect(await visitor().registrationOptions()).toMatchObject({ allowed: true, linkShown: false });
    await expect(visitor().register(registration("open@example.test", [await privacyId()]))).resolves.toMatchObject({
      next: "confirm-email",
    });
    await caller.admin.settings.update(await saved(store.id, { registrationLinkShown: true }));
    const audit = await db.auditEvent.findMany({
      where: { action: "settings.update", entityId: String(store.id) },
      orderBy: { id: "asc" },
    });
    expect(audit[0]).toMatchObject({ before: { registrationAllowed: true }, after: { registrationAllowed: false } });
  });

  it("applies the confirmation, sign-in, company field, owner and invitation lifetime settings to the storefront", async () => {
    const caller = await admin();
    const sam = await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } });
    await caller.admin.settings.update(
      await saved(store.id, {
        confirmationRequired: false,
        companyNameFieldShown: false,
        registrationOwnerId: sam.id,
        invitationTtlHours: 48,
      }),
    );
    expect(await visitor().registrationOptions()).toMatchObject({ companyNameFieldShown: false });
    await expect(visitor().register(registration("quick@example.test", [await privacyId()]))).resolves.toEqual({
      next: "sign-in",
      signInTicket: null,
    });
    const quick = await db.customerUser.findUniqueOrThrow({ where: { email: "quick@example.test" }, include: { customer: true } });
    expect(quick).toMatchObject({ ownerId: sam.id, customer: { name: "Sam Setting", ownerId: sam.id } });
    expect(quick.confirmedAt).not.toBeNull();
    expect(await settingsRow(store.id)).toMatchObject({ invitationTtlHours: 48 });
    await caller.admin.settings.update(
      await saved(store.id, {
        confirmationRequired: true,
        companyNameFieldShown: true,
        registrationOwnerId: null,
        invitationTtlHours: 168,
      }),
    );
  });

  it("enables and disables localizations, with exactly one default among them", async () => {
    const caller = await admin();
    await caller.admin.settings.update(await saved(store.id, { localizationIds: [en, de], defaultLocalizationId: de }));
    expect((await visitor().registrationOptions()).localizations.map((l) => [l.code, l.isDefault])).toEqual([
      ["de", true],
      ["en", false],
    ]);
    await caller.admin.settings.update(await saved(store.id, { localizationIds: [en], defaultLocalizationId: en }));
    expect((await visitor().registrationOptions()).localizations.map((l) => l.code)).toEqual(["en"]);
    await caller.admin.settings.update(await saved(store.id, { localizationIds: [en, de], defaultLocalizationId: en }));
    expect(await db.websiteLocalization.count({ where: { websiteId: store.id, isDefault: true } })).toBe(1);
  });

  it("refuses invalid settings with a message on each field, changing nothing", async () => {
    const caller = await admin();
    const acme = await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } });
    const companyRole = await db.customerUserRole.create({ data: { code: "ACME_PURCHASING", label: "Purchasing", customerId: acme.id } });
    const hidden = await db.customerUserRole.create({ data: { code: "ROLE_FRONTEND_HIDDEN", label: "Hidden", public: false } });
    const vera = await db.staffUser.update({ where: { email: "viewer@roster.test" }, data: { enabled: false } });
    const before = {
      settings: await settingsRow(store.id),
      localizations: await db.websiteLocalization.findMany({ where: { websiteId: store.id }, orderBy: { localizationId: "asc" } }),
    };
    const fieldErrors = (changes: Record<string, unknown>) =>
      saved(store.id, changes)
        .then((input) => caller.admin.settings.update(input))
        .then(
          () => ({}),
          (e: { code: string; cause: { fieldErrors?: Record<string, string[]>; issues?: { path: string[]; message: string }[] } }) =>
            e.cause.fieldErrors ?? Object.fromEntries((e.cause.issues ?? []).map((i) => [i.path.join("."), [i.message]])),
        );

    expect(await fieldErrors({ defaultRoleId: companyRole.id })).toEqual({
      defaultRoleId: ["“Purchasing” belongs to one customer; new users need a predefined role that every customer has."],
    });
    expect(await fieldErrors({ defaultRoleId: hidden.id })).toEqual({ defaultRoleId: ["“Hidden” is not public; choose a public role."] });
    expect(await fieldErrors({ defaultRoleId: 987_654 })).toEqual({ defaultRoleId: ["This role no longer exists."] });
    expect(await fieldErrors({ defaultRoleId: null })).toEqual({ defaultRoleId: ["Registration needs a role for new users."] });
    expect(await fieldErrors({ registrationOwnerId: vera.id })).toEqual({
      registrationOwnerId: ["Vera Viewer is disabled; choose an enabled staff member."],
    });
    expect(await fieldErrors({ localizationIds: [] })).toEqual({ localizationIds: ["Enable at least one localization."] });
    expect(await fieldErrors({ localizationIds: [en], defaultLocalizationId: de })).toEqual({
      defaultLocalizationId: ["Choose the default among the enabled localizations."],
    });
    expect(await fieldErrors({ localizationIds: [en, 987_654], defaultLocalizationId: en })).toEqual({
      localizationIds: ["Some localizations no longer exist. Reload the page."],
    });
    expect(await fieldErrors({ invitationTtlHours: 0 })).toEqual({ invitationTtlHours: ["At least 1 hour."] });
    expect(await fieldErrors({ invitationTtlHours: 1000 })).toEqual({ invitationTtlHours: ["At most 720 hours (30 days)."] });

    expect({
      settings: await settingsRow(store.id),
      localizations: await db.websiteLocalization.findMany({ where: { websiteId: store.id }, orderBy: { localizationId: "asc" } }),
    }).toEqual(before);
    await db.staffUser.update({ where: { id: vera.id }, data: { enabled: true } });
  });

  it("refuses a save over a newer one", async () => {
    const caller = await admin();
    const form = await saved(wholesale.id);
    await caller.admin.settings.update({ ...form, invitationTtlHours: 24 });
    expect(await messageOf(caller.admin.settings.update({ ...form, invitationTtlHours: 12 }))).toMatch(
      /^CONFLICT: This record was changed by someone else/,
    );
    expect(await settingsRow(wholesale.id)).toMatchObject({ invitationTtlHours: 24 });
    await expect(caller.admin.settings.update({ ...form, websiteId: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

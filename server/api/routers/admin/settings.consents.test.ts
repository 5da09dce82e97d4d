import { describe, expect, it } from "vitest";
import { admin, db, messageOf, privacyId, registration, visitor } from "../../../test/fixtures/settings";

describe("admin.consents", () => {
  it("lists the consents in order with how often they were accepted", async () => {
    const list = await (await admin()).admin.consents.list();
    expect(list.map((c) => [c.title, c.mandatory, c.active, c.acceptances >= 3])).toEqual([
      ["Privacy policy", true, true, true],
      ["Newsletter", false, true, false],
    ]);
    expect(list[1]).toMatchObject({ acceptances: 1, currentAcceptances: 1 });
  });

  it("a new mandatory consent is required at registration; deactivated, it no longer shows there", async () => {
    const caller = await admin();
    const terms = await caller.admin.consents.create({
      title: " Terms of sale ",
      body: "I accept the terms of sale.",
      mandatory: true,
      active: true,
      sortOrder: 5,
    });
    const options = await visitor().registrationOptions();
    expect(options.consents.map((c) => [c.title, c.mandatory])).toEqual([
      ["Privacy policy", true],
      ["Newsletter", false],
      ["Terms of sale", true],
    ]);
    await expect(visitor().register(registration("noterms@example.test", [await privacyId()]))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { consentIds: ["Accept “Terms of sale” to register."] } },
    });
    expect(await db.customerUser.count({ where: { email: "noterms@example.test" } })).toBe(0);

    const stored = await db.consent.findUniqueOrThrow({ where: { id: terms.id } });
    await caller.admin.consents.update({
      id: terms.id,
      updatedAt: stored.updatedAt,
      title: "Terms of sale",
      body: stored.body,
      mandatory: true,
      active: false,
      sortOrder: 5,
    });
    expect((await visitor().registrationOptions()).consents.map((c) => c.title)).toEqual(["Privacy policy", "Newsletter"]);
    await expect(visitor().register(registration("afterterms@example.test", [await privacyId()]))).resolves.toMatchObject({
      next: "confirm-email",
    });
    await expect(visitor().register(registration("stale.form@example.test", [await privacyId(), terms.id]))).rejects.toMatchObject({
      cause: { fieldErrors: { consentIds: ["One of the consents is no longer offered. Reload the page."] } },
    });
    expect(await db.auditEvent.count({ where: { entityType: "Consent", entityId: String(terms.id) } })).toBe(2);
  });

  it("fixes the wording of an accepted consent, while its other settings still change", async () => {
    const caller = await admin();
    const newsletter = await db.consent.findFirstOrThrow({ where: { title: "Newsletter" } });
    const base = {
      id: newsletter.id,
      updatedAt: newsletter.updatedAt,
      title: newsletter.title,
      body: newsletter.body,
      mandatory: false,
      active: true,
      sortOrder: newsletter.sortOrder,
    };
    await expect(caller.admin.consents.update({ ...base, body: "Send me everything." })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "“Newsletter” has been accepted once, so its wording stays as it was accepted. To change it, add a new consent and deactivate this one.",
      cause: { fieldErrors: { body: ["Accepted already: the text cannot change."] } },
    });
    expect((await db.consent.findUniqueOrThrow({ where: { id: newsletter.id } })).body).toBe(newsletter.body);
    const { updatedAt } = await caller.admin.consents.update({ ...base, sortOrder: 9 });
    expect(updatedAt.getTime()).toBeGreaterThanOrEqual(newsletter.updatedAt.getTime());
    await expect(caller.admin.consents.update({ ...base, sortOrder: 3 })).rejects.toMatchObject({ code: "CONFLICT" });

    const draft = await caller.admin.consents.create({
      title: "Draft",
      body: "First wording.",
      mandatory: false,
      active: false,
      sortOrder: 0,
    });
    const stored = await db.consent.findUniqueOrThrow({ where: { id: draft.id } });
    await caller.admin.consents.update({
      id: draft.id,
      updatedAt: stored.updatedAt,
      title: "Draft 2",
      body: "Second wording.",
      mandatory: false,
      active: false,
      sortOrder: 0,
    });
    expect(await db.consent.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ title: "Draft 2", body: "Second wording." });
    await expect(caller.admin.consents.update({ ...base, id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes a consent nobody accepted, and refuses one with acceptances, saying so", async () => {
    const caller = await admin();
    const privacy = await db.consent.findFirstOrThrow({
      where: { title: "Privacy policy" },
      include: { _count: { select: { acceptances: true } } },
    });
    expect(await messageOf(caller.admin.consents.delete({ id: privacy.id }))).toBe(
      `BAD_REQUEST: “Privacy policy” has been accepted ${privacy._count.acceptances} times; those acceptances must stay provable, so it cannot be deleted. Deactivate it instead: it then no longer shows at registration.`,
    );
    expect(await db.consent.count({ where: { id: privacy.id } })).toBe(1);
    const spare = await caller.admin.consents.create({ title: "Spare", body: "Never used.", mandatory: false, active: true, sortOrder: 1 });
    expect(await caller.admin.consents.delete({ id: spare.id })).toEqual({ id: spare.id });
    expect(await db.consent.count({ where: { id: spare.id } })).toBe(0);
    await expect(caller.admin.consents.delete({ id: spare.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a consent without title or text", async () => {
    const caller = await admin();
    const before = await db.consent.count();
    await expect(
      caller.admin.consents.create({ title: " ", body: "", mandatory: false, active: true, sortOrder: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.consent.count()).toBe(before);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerCaller, impersonate, staffCaller } from "../../../test/principals";
import { mandatoryConsentIds, tokenFromEmail } from "../../../test/mail";
import { auditRecordTypes, recordAudit, type AuditEntityType } from "../../../services/audit/record";
import { acceptInvitation } from "../../../services/customerUsers/invitationAcceptance";

/**
 * What the company audit log (account.audit.list) may carry: only the record types a company may read, without
 * their staff-only fields; and what erasure leaves of a person in the audit log: nothing but what happened.
 */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});
const user = (email: string) => db.customerUser.findUniqueOrThrow({ where: { email } });
const customer = (name: string) => db.customer.findFirstOrThrow({ where: { name } });
const companyLog = async (email: string, input: { entityType?: string } = {}) =>
  (await customerCaller(db, email)).account.audit.list({ limit: 100, ...input });

describe("staff-only records", () => {
  it("never reach a customer's administrators: gina does not read the staff note on her company or its users", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const globex = await customer("Globex Industries");
    const gary = await user("gary.buyer@globex.test");
    const companyNote = await admin.admin.customers.notes.create({ customerId: globex.id, body: "credit risk, do not extend terms" });
    await admin.admin.customers.notes.update({ id: companyNote.id, body: "credit risk, do not extend terms (confirmed)" });
    const userNote = await admin.admin.notes.create({ customerUserId: gary.id, body: "Gary asked for credit again" });
    await admin.admin.notes.delete({ id: userNote.id });
    await admin.admin.calendarEvents.create({
      customerUserId: gary.id,
      title: "Collections call with Gary",
      startAt: new Date(Date.now() + 86_400_000),
    });
    // A change the company may read, beside them (positive control).
    await admin.admin.customerUsers.setEnabled({ id: gary.id, enabled: false });

    for (const entityType of [undefined, "Note", "CalendarEvent"]) {
      const page = await companyLog("gina.globex@globex.test", { entityType });
      expect(JSON.stringify(page)).not.toMatch(/credit|Collections/);
      expect(page.items.filter((e) => e.entityType === "Note" || e.entityType === "CalendarEvent")).toEqual([]);
    }
    expect((await companyLog("gina.globex@globex.test")).items.map((e) => e.action)).toEqual(["customerUser.disable"]);
    // Staff read them all.
    const staffView = await admin.admin.audit.list({ limit: 100 });
    expect(staffView.items.filter((e) => e.entityType === "Note").map((e) => e.action)).toEqual([
      "note.delete",
      "note.create",
      "note.update",
      "note.create",
    ]);
  });

  it("never reach them while a staff member writes them about their users, nor through a subsidiary", async () => {
    const sales = await staffCaller(db, "sales@roster.test");
    const bob = await user("bob.buyer@acme.test");
    const eddie = await user("eddie.buyer@acme.test");
    await sales.admin.notes.create({ customerUserId: bob.id, body: "Bob is negotiating with a competitor" });
    await sales.admin.calendarEvents.create({
      customerUserId: eddie.id,
      title: "Retention visit at Acme East",
      startAt: new Date(Date.now() + 86_400_000),
    });
    for (const email of ["amanda.admin@acme.test", "dana.department@acme.test"]) {
      const page = await companyLog(email);
      expect(JSON.stringify(page)).not.toMatch(/competitor|Retention/);
    }
    // Nor to a staff member signed in as the administrator: the storefront is the storefront.
    const { loaded } = await impersonate(db, "sales@roster.test", "amanda.admin@acme.test");
    if ("ended" in loaded) throw new Error("the impersonation did not start");
    expect(JSON.stringify(await callerFor(db, loaded).account.audit.list({ limit: 100 }))).not.toMatch(/competitor|Retention/);
  });

  it("hold for every record type the registry calls staff-only, and company types lose their staff-only fields", async () => {
    const globex = await customer("Globex Industries");
    const types = Object.keys(auditRecordTypes) as AuditEntityType[];
    for (const entityType of types) {
      const fields = { marker: `marker-${entityType}`, parentId: 1, groupId: 2, salesRepIds: [3], salesRepresentativeIds: [4] };
      const subject = auditRecordTypes[entityType].person === "subject" ? { subjectUserId: null } : {};
      await recordAudit(
        db,
        { realm: "system" },
        { action: `test.${entityType}`, entityType, entityId: 0, customerPath: globex.path, after: fields, ...subject },
      );
    }
    const page = await companyLog("gina.globex@globex.test");
    const seen = page.items
      .filter((e) => e.action.startsWith("test."))
      .map((e) => e.entityType)
      .sort();
    expect(seen).toEqual(types.filter((t) => auditRecordTypes[t].readers === "company").sort());
    for (const entry of page.items.filter((e) => e.action.startsWith("test."))) {
      const staffOnly: readonly string[] =
        (auditRecordTypes[entry.entityType as AuditEntityType] as { staffOnly?: readonly string[] }).staffOnly ?? [];
      const shown = Object.keys(entry.after as object);
      expect(shown).toContain("marker");
      for (const field of staffOnly) expect(shown).not.toContain(field);
      expect(entry.changes.map((c) => c.field)).toEqual(shown);
    }
  });

  it("stay out of the storefront's self-service data download, and in the back office's", async () => {
    const bob = await user("bob.buyer@acme.test");
    const own = await (await customerCaller(db, "bob.buyer@acme.test")).account.myData.export();
    expect(JSON.stringify(own)).not.toMatch(/net-60|competitor/);
    const staff = await (await staffCaller(db, "admin@roster.test")).admin.privacy.export({ id: bob.id });
    expect(JSON.stringify(staff)).toMatch(/net-60/);
  });
});

describe("erasing a user", () => {
  it("leaves no text about them in the audit log: names, addresses, notes and events about them", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const eddieCaller = await customerCaller(db, "eddie.buyer@acme.test");
    const eddie = await user("eddie.buyer@acme.test");
    const markers = [
      "eddie",
      "Eddie",
      "Edward",
      "+49 30 1234",
      "Harbour Lane",
      "prefers calls on Friday",
      "Onboarding with Edward",
      "Retention visit",
    ];

    const profile = await eddieCaller.account.profile.get();
    await eddieCaller.account.profile.update({ version: profile.version, firstName: "Edward", lastName: "Buyer", phone: "+49 30 1234" });
    const address = await eddieCaller.account.addresses.create({
      street: "9 Harbour Lane",
      city: "Springfield",
      postalCode: "12345",
      countryCode: "US",
      isBilling: true,
    });
    await eddieCaller.account.addresses.update({ ...address, id: address.id, street: "11 Harbour Lane" });
    const note = await admin.admin.notes.create({ customerUserId: eddie.id, body: "Edward prefers calls on Friday" });
    await admin.admin.notes.update({ id: note.id, body: "Edward prefers calls on Friday mornings" });
    await admin.admin.calendarEvents.create({
      customerUserId: eddie.id,
      title: "Onboarding with Edward",
      startAt: new Date(Date.now() + 86_400_000),
    });
    await admin.admin.oauthApps.create({ customerUserId: eddie.id, name: "Eddie's ERP link" });
    const privacy = (await db.consent.findFirstOrThrow({ where: { title: "Privacy policy" } })).id;
    await eddieCaller.account.consents.accept({ consentId: privacy });
    // An invitation to an address, accepted: the invitation's entries become the new user's.
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const buyer = (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id;
    const east = await customer("Acme East");
    await amanda.account.invitations.create({
      email: "ivy.invited@acme.test",
      firstName: "Ivy",
      lastName: "Invited",
      customerId: east.id,
      roleIds: [buyer],
    });
    const token = await tokenFromEmail(db, "ivy.invited@acme.test", "invitation");
    const ivy = await acceptInvitation(db, {
      token,
      firstName: "Ivy",
      lastName: "Invited",
      password: "Roster-demo-2026-ivy",
      consentIds: await mandatoryConsentIds(db),
    });

    const about = (id: number) => db.auditEvent.findMany({ where: { subjectUserId: id } });
    expect((await about(eddie.id)).map((e) => e.entityType)).toEqual(
      expect.arrayContaining([
        "CalendarEvent",
        "ConsentAcceptance",
        "CustomerUser",
        "CustomerUserAddress",
        "CustomerUserAddress",
        "Note",
        "Note",
        "OAuthApplication",
      ]),
    );
    expect((await about(ivy.id)).map((e) => e.action).sort()).toEqual(["invitation.accept", "invitation.create"]);

    await admin.admin.privacy.erase({ id: eddie.id, reason: "Request by email of 2026-11-20" });
    await admin.admin.privacy.erase({ id: ivy.id, reason: "Request by phone" });
    const text = JSON.stringify(await db.auditEvent.findMany({ select: { before: true, after: true, reason: true } }));
    for (const marker of [...markers, "ivy.invited", "Ivy"]) expect(text).not.toContain(marker);
    // What happened stays, and so does why the person was erased.
    expect((await about(eddie.id)).length).toBeGreaterThanOrEqual(9);
    expect(await db.auditEvent.findFirst({ where: { action: "customerUser.erase", entityId: String(eddie.id) } })).toMatchObject({
      reason: "Request by email of 2026-11-20",
    });
  });
});

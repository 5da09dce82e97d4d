import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerCaller, customerPrincipal } from "../../../test/principals";
import { lastEmail, tokenFromEmail } from "../../../test/mail";
import { DEMO_PASSWORD } from "../../../seed/demo";
import { loadCustomerPrincipal } from "../../../authz/access";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const user = (email: string) => db.customerUser.findUniqueOrThrow({ where: { email } });
const edit = (version: number, extra: Record<string, unknown> = {}) => ({ version, firstName: "Robert", lastName: "Buyer", ...extra });

describe("account.profile.get", () => {
  it("shows one's data, the website's languages and whether one may edit", async () => {
    const profile = await (await customerCaller(db, "bob.buyer@acme.test")).account.profile.get();
    expect(profile).toMatchObject({ email: "bob.buyer@acme.test", firstName: "Bob", canEdit: true, pendingEmail: null, birthday: null });
    expect(profile.localizations.map((l) => l.code)).toEqual(["en", "de"]);
    expect(profile.localizationId).toBe(profile.localizations[0]!.id);
  });
});

describe("account.profile.update", () => {
  it("saves name parts, birthday, phone and language, and moves the version", async () => {
    const caller = await customerCaller(db, "bob.buyer@acme.test");
    const { version, localizations } = await caller.account.profile.get();
    const de = localizations.find((l) => l.code === "de")!;
    const result = await caller.account.profile.update(
      edit(version, {
        namePrefix: "Mr.",
        middleName: "J.",
        nameSuffix: "Jr.",
        birthday: "1980-04-01",
        phone: "+1 555 0100",
        localizationId: de.id,
      }),
    );
    expect(result).toEqual({ version: version + 1 });
    const profile = await caller.account.profile.get();
    expect(profile).toMatchObject({
      namePrefix: "Mr.",
      firstName: "Robert",
      middleName: "J.",
      nameSuffix: "Jr.",
      birthday: "1980-04-01",
      phone: "+1 555 0100",
      localizationId: de.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUser.updateProfile", entityId: String(profile.id) } });
    expect(audit).toMatchObject({
      actorType: "CUSTOMER_USER",
      before: expect.objectContaining({ firstName: "Bob" }),
      after: expect.objectContaining({ firstName: "Robert" }),
    });
  });

  it("refuses a save made against an older version: CONFLICT, nothing changes", async () => {
    const caller = await customerCaller(db, "bob.buyer@acme.test");
    const { version } = await caller.account.profile.get();
    await caller.account.profile.update(edit(version, { firstName: "Bobby" }));
    await expect(caller.account.profile.update(edit(version, { firstName: "Stale" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed by someone else"),
    });
    expect((await user("bob.buyer@acme.test")).firstName).toBe("Bobby");
  });

  it("refuses a birthday in the future and a language the website does not offer", async () => {
    const caller = await customerCaller(db, "bob.buyer@acme.test");
    const { version } = await caller.account.profile.get();
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    await expect(caller.account.profile.update(edit(version, { birthday: nextYear }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.account.profile.update(edit(version, { localizationId: 999 }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { localizationId: ["Choose one of the website's languages."] } },
    });
    expect((await user("bob.buyer@acme.test")).version).toBe(version);
  });

  it("is FORBIDDEN to a user whose roles lack profile.update, who still reads the profile", async () => {
    const bob = await customerPrincipal(db, "gary.buyer@globex.test");
    const lacking = callerFor(db, { ...bob, grants: new Map([...bob.grants].filter(([key]) => key !== "profile.update")) });
    const profile = await lacking.account.profile.get();
    expect(profile.canEdit).toBe(false);
    await expect(lacking.account.profile.update(edit(profile.version))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lacking.account.profile.changeEmail({ email: "gary2@globex.test", currentPassword: DEMO_PASSWORD })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
  });
});

describe("account.profile.changeEmail and auth.confirmEmailChange", () => {
  it("applies a new address only once the link sent to it is followed; sessions stay valid", async () => {
    const caller = await customerCaller(db, "wendy.buyer@acme.test");
    const before = await user("wendy.buyer@acme.test");
    expect(await caller.account.profile.changeEmail({ email: "Wendy.New@acme.test", currentPassword: DEMO_PASSWORD })).toEqual({
      pendingEmail: "wendy.new@acme.test",
    });
    expect((await user("wendy.buyer@acme.test")).email).toBe("wendy.buyer@acme.test");
    expect((await caller.account.profile.get()).pendingEmail).toBe("wendy.new@acme.test");
    expect(await lastEmail(db, "wendy.buyer@acme.test")).toMatchObject({ template: "emailChangeNotice" });

    const token = await tokenFromEmail(db, "wendy.new@acme.test", "emailChangeVerify");
    const anonymous = callerFor(db, null).auth;
    expect(await anonymous.checkEmailChangeLink({ token })).toEqual({ email: "wendy.new@acme.test" });
    expect(await anonymous.confirmEmailChange({ token })).toEqual({ email: "wendy.new@acme.test" });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ email: "wendy.new@acme.test", sessionVersion: before.sessionVersion, version: before.version + 1 });
    expect(await loadCustomerPrincipal(db, { uid: before.id, sv: before.sessionVersion })).toMatchObject({ email: "wendy.new@acme.test" });
    await expect(anonymous.confirmEmailChange({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an address in use (CONFLICT on the email field), a wrong password, and one's own address", async () => {
    const caller = await customerCaller(db, "gina.globex@globex.test");
    await expect(
      caller.account.profile.changeEmail({ email: "BOB.buyer@acme.test", currentPassword: DEMO_PASSWORD }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { email: ["This email is already in use."] } },
    });
    await expect(
      caller.account.profile.changeEmail({ email: "gina.new@globex.test", currentPassword: "not-it-123" }),
    ).rejects.toMatchObject({
      cause: { fieldErrors: { currentPassword: ["This is not your current password."] } },
    });
    await expect(
      caller.account.profile.changeEmail({ email: "gina.globex@globex.test", currentPassword: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.token.count({ where: { purpose: "EMAIL_CHANGE", customerUser: { email: "gina.globex@globex.test" } } })).toBe(0);
  });

  it("refuses the link when the address was taken meanwhile, and the change can be cancelled", async () => {
    const caller = await customerCaller(db, "lara.logistics@acme.test");
    await caller.account.profile.changeEmail({ email: "contested@acme.test", currentPassword: DEMO_PASSWORD });
    const token = await tokenFromEmail(db, "contested@acme.test", "emailChangeVerify");
    await db.customerUser.update({ where: { email: "gary.buyer@globex.test" }, data: { email: "contested@acme.test" } });
    await expect(callerFor(db, null).auth.confirmEmailChange({ token })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await user("lara.logistics@acme.test")).email).toBe("lara.logistics@acme.test");

    expect(await caller.account.profile.cancelEmailChange()).toEqual({ pendingEmail: null });
    expect((await caller.account.profile.get()).pendingEmail).toBeNull();
  });
});

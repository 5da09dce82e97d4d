import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller } from "../../../test/principals";

let db: PrismaClient;
let privacyId: number;
let newsletterId: number;
beforeAll(async () => {
  db = await createTestDb();
  privacyId = (await db.consent.findFirstOrThrow({ where: { title: "Privacy policy" } })).id;
  newsletterId = (await db.consent.findFirstOrThrow({ where: { title: "Newsletter" } })).id;
});

describe("account.consents", () => {
  it("lists the consents with what one accepted and when", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    const list = await bob.account.consents.list();
    expect(list.map((c) => [c.title, c.mandatory, c.current !== null])).toEqual([
      ["Privacy policy", true, true],
      ["Newsletter", false, true],
    ]);
    expect(list[1]!.current!.acceptedAt).toBeInstanceOf(Date);
  });

  it("withdraws an optional consent, keeping the acceptance on record, and accepts it again", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    const { withdrawnAt } = await bob.account.consents.withdraw({ consentId: newsletterId });
    const rows = await db.consentAcceptance.findMany({
      where: { consentId: newsletterId, customerUser: { email: "bob.buyer@acme.test" } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.withdrawnAt).toEqual(withdrawnAt);
    expect((await bob.account.consents.list()).find((c) => c.id === newsletterId)!.current).toBeNull();
    await expect(bob.account.consents.withdraw({ consentId: newsletterId })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await bob.account.consents.accept({ consentId: newsletterId });
    const newsletter = (await bob.account.consents.list()).find((c) => c.id === newsletterId)!;
    expect(newsletter.current).not.toBeNull();
    expect(newsletter.history).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { action: { in: ["consent.accept", "consent.withdraw"] } } })).toBe(2);
  });

  it("refuses to withdraw a mandatory consent and says why", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    await expect(bob.account.consents.withdraw({ consentId: privacyId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("required to have an account"),
    });
    expect(await db.consentAcceptance.count({ where: { consentId: privacyId, withdrawnAt: { not: null } } })).toBe(0);
  });

  it("accepts a mandatory consent one had not accepted yet, once", async () => {
    const walter = await customerCaller(db, "walter.west@acme.test");
    await walter.account.consents.accept({ consentId: privacyId });
    await walter.account.consents.accept({ consentId: privacyId });
    expect(await db.consentAcceptance.count({ where: { consentId: privacyId, customerUser: { email: "walter.west@acme.test" } } })).toBe(1);
  });

  it("answers NOT_FOUND for a consent that does not exist and refuses one no longer offered", async () => {
    const walter = await customerCaller(db, "walter.west@acme.test");
    await expect(walter.account.consents.accept({ consentId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.consent.update({ where: { id: newsletterId }, data: { active: false } });
    await expect(walter.account.consents.accept({ consentId: newsletterId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await walter.account.consents.list()).map((c) => c.title)).toEqual(["Privacy policy"]);
  });
});

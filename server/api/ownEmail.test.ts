import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import type { CustomerPrincipal } from "../authz/access";
import { createTestDb } from "../test/db";
import { callerFor, customerCaller, impersonate } from "../test/principals";
import { apiCall, apiToken, changedTables, databaseDigest, editInputOf, outcomeOf, procedureEntries } from "../test/attack";
import { ownEmailRefusal } from "../services/customerUsers/update";

/**
 * One's own email address changes only through the verified flow (account.profile.changeEmail: the current
 * password, then a link to the new address). Every mutation taking an `email` is classified here; the ones that
 * can reach the caller's own record are attacked below, on each face. A new one fails the walk until classified.
 */
const emailPaths: Record<string, "attacked" | { not: string }> = {
  "account.users.update": "attacked",
  "account.profile.changeEmail": { not: "the verified flow itself" },
  "account.users.create": { not: "a new user's address" },
  "account.invitations.create": { not: "an invitation to another address" },
  "admin.customerUsers.create": { not: "a new user's address" },
  "admin.customerUsers.update": { not: "staff editing a customer user: never their own record (a staff session is no customer user)" },
  "admin.staffUsers.create": { not: "a new staff member's address" },
  "admin.staffUsers.update": { not: "staff accounts: the staff realm has no customer-user email flow" },
  "auth.register": { not: "a new account, confirmed by a link to the address" },
  "auth.requestPasswordReset": { not: "names an address, changes none" },
  "auth.resendConfirmation": { not: "names an address, changes none" },
  "auth.requestSignInLink": { not: "names an address, changes none (the link goes to it)" },
};

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

function inputKeys(procedure: (typeof procedureEntries)[number][1]) {
  const schema = procedure._def.inputs[0] as { _zod?: { def: { shape?: object; in?: { _zod: { def: { shape?: object } } } } } } | undefined;
  const def = schema?._zod?.def;
  return Object.keys(def?.shape ?? def?.in?._zod.def.shape ?? {});
}

describe("changing one's own email address", () => {
  it("classifies every mutation that takes an email", () => {
    const taking = procedureEntries.filter(([, p]) => p._def.type === "mutation" && inputKeys(p).includes("email")).map(([path]) => path);
    expect(taking.length).toBeGreaterThan(5);
    expect(taking.sort()).toEqual(Object.keys(emailPaths).sort());
  });

  const amanda = "amanda.admin@acme.test";
  const attempts: [string, () => Promise<{ code: string; message?: string }>][] = [
    [
      "account.users.update on oneself",
      async () => {
        const outcome = await outcomeOf(
          (await customerCaller(db, amanda)).account.users.update(await editInputOf(db, amanda, { email: "amanda.new@acme.test" })),
        );
        return { code: outcome.code, message: "message" in outcome ? outcome.message : undefined };
      },
    ],
    [
      "PUT /api/v1/users/{id} on oneself",
      async () => {
        const { id, ...body } = await editInputOf(db, amanda, { email: "amanda.new@acme.test" });
        const response = await apiCall(db, await apiToken(db, amanda), "PUT", `/users/${id}`, body);
        const error = (await response.json()).error as { code: string; message: string } | undefined;
        return { code: error?.code ?? "OK", message: error?.message };
      },
    ],
    ...["sales@roster.test", "admin@roster.test"].map((staff): [string, () => Promise<{ code: string; message?: string }>] => [
      `${staff} signed in as the user, on the user's record`,
      async () => {
        const principal = (await impersonate(db, staff, amanda)).loaded as CustomerPrincipal;
        const outcome = await outcomeOf(
          callerFor(db, principal).account.users.update(await editInputOf(db, amanda, { email: "amanda.new@acme.test" })),
        );
        return { code: outcome.code, message: "message" in outcome ? outcome.message : undefined };
      },
    ]),
  ];

  it.each(attempts)("is refused through %s, and nothing changes", async (_name, attempt) => {
    const before = await databaseDigest(db);
    expect(await attempt()).toEqual({ code: "BAD_REQUEST", message: ownEmailRefusal });
    const after = await databaseDigest(db);
    // Issuing the token and starting the impersonation (its session row) write what they always write; nothing else may change.
    expect(
      changedTables(before, after).filter(
        (t) =>
          !["OAuthApplication", "OAuthAccessToken", "Impersonation", "LoginAttempt", "AuditEvent", "RateLimit", "UserSession"].includes(t),
      ),
    ).toEqual([]);
    expect(await db.customerUser.findUniqueOrThrow({ where: { email: amanda } })).toMatchObject({ email: amanda });
    expect(await db.auditEvent.count({ where: { action: "customerUser.update" } })).toBe(0);
  });

  it("still lets an administrator change a colleague's address, and their own other fields", async () => {
    const caller = await customerCaller(db, amanda);
    await expect(caller.account.users.update(await editInputOf(db, amanda, { phone: "+1 555 0100" }))).resolves.toMatchObject({
      id: expect.any(Number),
    });
    await expect(
      caller.account.users.update(await editInputOf(db, "bob.buyer@acme.test", { email: "robert.buyer@acme.test" })),
    ).resolves.toMatchObject({ id: expect.any(Number) });
    expect(await db.customerUser.count({ where: { email: "robert.buyer@acme.test" } })).toBe(1);
  });
});

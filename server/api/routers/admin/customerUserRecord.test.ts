import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerPrincipal, staffCaller } from "../../../test/principals";
import { lastEmail } from "../../../test/mail";
import { verifyPassword } from "../../../auth/password";
import { bumpAuthzEpoch, type CustomerPrincipal } from "../../../authz/access";
import { staleVersion } from "../../../errors";
import { departmentAdministratorGrants } from "../../../authz/presets";
import {
  createCustomerUserInput,
  enabledWithoutRoleMessage,
  updateCustomerUserInput,
  type CreateCustomerUserInput,
  type UpdateCustomerUserInput,
} from "../../../schemas/customerUser";
import { createCustomerNode } from "../../../services/customers/paths";
import { createCustomerUser, roleChoices, updateCustomerUser } from "../../../services/customerUserRecord";
import { hashToken } from "../../../services/identity/tokens";
import { signInCustomerUser } from "../../../services/identity/signIn";

/**
 * Create, edit and view a customer user: admin.customerUsers.{get,create,update,formOptions,customerChoices,
 * roleChoices,consents}. The services are realm-generic; the storefront has no procedure for them yet, so the
 * customer realm is exercised by calling them with a customer user's principal, through the same input schemas.
 */
let db: PrismaClient;
const fx = {} as {
  store: number;
  wholesale: number;
  en: number;
  de: number;
  holding: number;
  east: number;
  west: number;
  globex: number;
  administrator: number;
  buyer: number;
  acmePurchaser: number;
  globexAuditor: number;
  ada: number;
  sam: number;
  vera: number;
};
/** A Department-level administrator of Acme Holding: manages its users, but only its own, at Department. */
let dora: CustomerPrincipal;
let amanda: CustomerPrincipal;

beforeAll(async () => {
  db = await createTestDb();
  const website = (code: string) => db.website.findUniqueOrThrow({ where: { code } });
  const customer = async (name: string) => (await db.customer.findFirstOrThrow({ where: { name } })).id;
  const role = async (code: string) => (await db.customerUserRole.findUniqueOrThrow({ where: { code } })).id;
  const staff = async (email: string) => (await db.staffUser.findUniqueOrThrow({ where: { email } })).id;
  Object.assign(fx, {
    store: (await website("default")).id,
    wholesale: (await website("wholesale")).id,
    en: (await db.localization.findUniqueOrThrow({ where: { code: "en" } })).id,
    de: (await db.localization.findUniqueOrThrow({ where: { code: "de" } })).id,
    holding: await customer("Acme Holding"),
    east: await customer("Acme East"),
    west: await customer("Acme West"),
    globex: await customer("Globex Industries"),
    administrator: await role("ROLE_FRONTEND_ADMINISTRATOR"),
    buyer: await role("ROLE_FRONTEND_BUYER"),
    ada: await staff("admin@roster.test"),
    sam: await staff("sales@roster.test"),
    vera: await staff("viewer@roster.test"),
  });
  // Company roles: one of Acme Holding's, one of Globex's.
  // Everything, but at Department level: within it lie the Buyer role and the company's roles, not the Administrator.
  const deptGrants = departmentAdministratorGrants.map(([permission, level]) => ({ permission, level }));
  const dept = await db.customerUserRole.create({
    data: {
      code: "ACME_DEPT_ADMIN",
      label: "Department administrator",
      customerId: fx.holding,
      permissions: { createMany: { data: deptGrants } },
    },
  });
  fx.acmePurchaser = (
    await db.customerUserRole.create({
      data: {
        code: "ACME_PURCHASER",
        label: "Purchaser",
        customerId: fx.holding,
        permissions: { create: { permission: "order.view", level: "CUSTOMER" } },
      },
    })
  ).id;
  fx.globexAuditor = (
    await db.customerUserRole.create({
      data: {
        code: "GLOBEX_AUDITOR",
        label: "Auditor",
        customerId: fx.globex,
        permissions: { create: { permission: "audit.view", level: "GRANTED" } },
      },
    })
  ).id;
  const holding = await db.customer.findUniqueOrThrow({ where: { id: fx.holding } });
  await db.customerUser.create({
    data: {
      email: "dora.dept@acme.test",
      firstName: "Dora",
      lastName: "Dept",
      confirmedAt: new Date(),
      customerId: holding.id,
      customerPath: holding.path,
      roles: { create: { roleId: dept.id } },
    },
  });
  // A clerk who may add and edit users, but neither give roles nor touch addresses.
  const clerk = await db.customerUserRole.create({
    data: {
      code: "ACME_CLERK",
      label: "User clerk",
      customerId: fx.holding,
      permissions: {
        createMany: {
          data: (["customerUser.view", "customerUser.create", "customerUser.edit"] as const).map((permission) => ({
            permission,
            level: "CUSTOMER" as const,
          })),
        },
      },
    },
  });
  await db.customerUser.create({
    data: {
      email: "cleo.clerk@acme.test",
      firstName: "Cleo",
      lastName: "Clerk",
      confirmedAt: new Date(),
      customerId: holding.id,
      customerPath: holding.path,
      roles: { create: { roleId: clerk.id } },
    },
  });
  await bumpAuthzEpoch(db);
  dora = await customerPrincipal(db, "dora.dept@acme.test");
  amanda = await customerPrincipal(db, "amanda.admin@acme.test");
});

let counter = 0;
const uniqueEmail = (prefix = "nina") => `${prefix}.${++counter}@record.test`;
const admin = () => staffCaller(db, "admin@roster.test");
const sales = () => staffCaller(db, "sales@roster.test");
const userByEmail = (email: string) =>
  db.customerUser.findUniqueOrThrow({
    where: { email },
    include: { roles: true, salesRepresentatives: true, websiteSettings: true, addresses: true },
  });
const epoch = async () => (await db.counter.findUniqueOrThrow({ where: { name: "authz" } })).value;

function newUser(overrides: Partial<CreateCustomerUserInput> = {}): CreateCustomerUserInput {
  return {
    enabled: true,
    firstName: "Nina",
    lastName: "New",
    email: uniqueEmail(),
    customerId: fx.east,
    websiteId: fx.store,
    localizationId: fx.en,
    roleIds: [fx.buyer],
    addresses: [],
    generatePassword: true,
    sendWelcomeEmail: false,
    ...overrides,
  };
}

const address = {
  street: "5 Dock Road",
  city: "Bremen",
  postalCode: "28195",
  countryCode: "de",
  isBilling: true,
  isShipping: true,
  isDefaultBilling: true,
  isDefaultShipping: true,
};

/** What the edit form sends for a user as they are now. */
async function editOf(email: string, overrides: Partial<UpdateCustomerUserInput> = {}): Promise<UpdateCustomerUserInput> {
  const user = await userByEmail(email);
  return {
    id: user.id,
    version: user.version,
    enabled: user.enabled,
    namePrefix: user.namePrefix ?? "",
    firstName: user.firstName,
    middleName: user.middleName ?? "",
    lastName: user.lastName,
    nameSuffix: user.nameSuffix ?? "",
    email: user.email,
    birthday: user.birthday ? user.birthday.toISOString().slice(0, 10) : "",
    phone: user.phone ?? "",
    customerId: user.customerId,
    websiteId: user.websiteId,
    localizationId: user.websiteSettings.find((s) => s.websiteId === user.websiteId)?.localizationId ?? null,
    roleIds: user.roles.map((r) => r.roleId),
    salesRepresentativeIds: user.salesRepresentatives.map((s) => s.staffUserId),
    addresses: user.addresses.map(({ id, customerUserId: _u, createdAt: _c, updatedAt: _d, ...rest }) => ({ id, ...rest })),
    ...overrides,
  };
}

/** Counts that any write would move: a refusal must leave them all where they were. */
async function footprint() {
  const [users, customers, assignments, emails, audits, addresses, settings, reps] = await Promise.all([
    db.customerUser.count(),
    db.customer.count(),
    db.customerUserRoleAssignment.count(),
    db.emailMessage.count(),
    db.auditEvent.count(),
    db.customerUserAddress.count(),
    db.customerUserWebsiteSettings.count(),
    db.customerUserSalesRep.count(),
  ]);
  return { users, customers, assignments, emails, audits, addresses, settings, reps, epoch: await epoch() };
}

async function refusedWithoutChange(attempt: () => Promise<unknown>, expected: Record<string, unknown>, email?: string) {
  const before = await footprint();
  const row = email ? await db.customerUser.findUniqueOrThrow({ where: { email } }) : null;
  await expect(attempt()).rejects.toMatchObject(expected);
  expect(await footprint()).toEqual(before);
  if (email) expect(await db.customerUser.findUniqueOrThrow({ where: { email } })).toEqual(row);
}

/** Field errors as a procedure's refusal carries them (the AppError is the TRPCError's cause)… */
const fieldErrors = (errors: Record<string, unknown[]>) => ({
  cause: expect.objectContaining({ fieldErrors: expect.objectContaining(errors) }),
});
/** A refusal of the input schema (the form's own checks), at the field's path. */
const invalid = (path: string, message: string) => ({
  code: "BAD_REQUEST",
  cause: expect.objectContaining({
    issues: expect.arrayContaining([
      expect.objectContaining({ path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message }),
    ]),
  }),
});
/** …and as a service throws them. */
const serviceFieldErrors = (errors: Record<string, unknown[]>) => ({ fieldErrors: expect.objectContaining(errors) });

// ---------------------------------------------------------------------------------------------- create

describe("admin.customerUsers.create", () => {
  it("creates the user as the guide's steps say and sends a welcome email with a single-use set-password link", async () => {
    const caller = await admin();
    const epochBefore = await epoch();
    const input = newUser({
      email: "Nina.NEW@Record.test",
      namePrefix: "Dr.",
      middleName: "Maria",
      nameSuffix: "PhD",
      birthday: "1990-04-01",
      phone: "+49 421 555 01",
      salesRepresentativeIds: [fx.sam],
      localizationId: fx.de,
      addresses: [address],
      sendWelcomeEmail: true,
    });
    const { id } = await caller.admin.customerUsers.create(input);

    const user = await userByEmail("nina.new@record.test");
    expect(user).toMatchObject({
      id,
      enabled: true,
      namePrefix: "Dr.",
      firstName: "Nina",
      middleName: "Maria",
      lastName: "New",
      nameSuffix: "PhD",
      phone: "+49 421 555 01",
      customerId: fx.east,
      websiteId: fx.store,
      ownerId: fx.ada,
      passwordHash: null,
      authStatus: "ACTIVE",
      version: 1,
    });
    expect(user.birthday?.toISOString().slice(0, 10)).toBe("1990-04-01");
    expect(user.confirmedAt).not.toBeNull();
    expect(user.customerPath).toBe((await db.customer.findUniqueOrThrow({ where: { id: fx.east } })).path);
    expect(user.roles.map((r) => r.roleId)).toEqual([fx.buyer]);
    expect(user.salesRepresentatives.map((s) => s.staffUserId)).toEqual([fx.sam]);
    expect(user.websiteSettings).toEqual([{ customerUserId: id, websiteId: fx.store, localizationId: fx.de }]);
    expect(user.addresses).toMatchObject([{ street: "5 Dock Road", countryCode: "DE", isDefaultBilling: true, isDefaultShipping: true }]);
    expect(await epoch()).toBeGreaterThan(epochBefore);

    // In German (the preferred localization), with a link to choose a password and never a password.
    const welcome = await lastEmail(db, user.email, "welcome");
    expect(welcome).toMatchObject({ locale: "de", subject: "Willkommen bei Roster", customerUserId: id });
    expect(welcome!.html).toContain("/reset-password?token=");
    const token = await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(welcome!.secret!) } });
    expect(token).toMatchObject({ purpose: "SET_PASSWORD", customerUserId: id, usedAt: null });

    const visitor = callerFor(db, null).auth;
    await visitor.resetPassword({ token: welcome!.secret!, password: "Chosen-by-nina-1" });
    expect(await signInCustomerUser(db, { email: user.email, password: "Chosen-by-nina-1", ip: null, userAgent: null })).toMatchObject({
      ok: true,
    });
    await expect(visitor.resetPassword({ token: welcome!.secret!, password: "Second-try-22" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CustomerUser", entityId: String(id) } });
    expect(audit).toMatchObject({
      action: "customerUser.create",
      actorType: "STAFF",
      actorStaffId: fx.ada,
      after: expect.objectContaining({ email: user.email, roles: ["Buyer"], welcomeEmail: true }),
    });
  });

  it("defaults the sales representatives to the customer's, and with a typed password welcomes with a sign-in link", async () => {
    const caller = await admin();
    const input = newUser({ customerId: fx.holding, generatePassword: false, password: "Typed-pass-2026", sendWelcomeEmail: true });
    await caller.admin.customerUsers.create(input);
    const user = await userByEmail(input.email);
    expect(user.salesRepresentatives.map((s) => s.staffUserId)).toEqual([fx.sam]);
    expect(await verifyPassword(user.passwordHash, "Typed-pass-2026")).toBe(true);
    const welcome = await lastEmail(db, user.email, "welcome");
    expect(welcome).toMatchObject({ locale: "en", subject: "Welcome to Roster", secret: null });
    expect(welcome!.html).toContain("/login");
    expect(await db.token.count({ where: { customerUserId: user.id } })).toBe(0);
  });

  it("stores a website's only localization without asking, and asks when the website has several", async () => {
    const caller = await admin();
    const input = newUser({ websiteId: fx.wholesale, localizationId: null });
    await caller.admin.customerUsers.create(input);
    expect((await userByEmail(input.email)).websiteSettings).toMatchObject([{ websiteId: fx.wholesale, localizationId: fx.en }]);

    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ localizationId: null })), {
      code: "BAD_REQUEST",
      ...fieldErrors({ localizationId: ["Choose the preferred localization for this website."] }),
    });
  });

  it("refuses an enabled user without a role with the guide's message, and saves a disabled one without", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ roleIds: [] })), {
      code: "BAD_REQUEST",
      message: enabledWithoutRoleMessage,
      ...fieldErrors({ roleIds: [enabledWithoutRoleMessage] }),
    });
    const disabled = newUser({ enabled: false, roleIds: [] });
    await caller.admin.customerUsers.create(disabled);
    expect(await userByEmail(disabled.email)).toMatchObject({ enabled: false, roles: [] });
  });

  it("refuses a taken email, whatever its case, as a CONFLICT on the field", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ email: "Bob.Buyer@ACME.test" })), {
      code: "CONFLICT",
      message: "This email is already in use.",
      ...fieldErrors({ email: ["This email is already in use."] }),
    });
  });

  it("refuses bad input field by field: future birthday, weak password, two default billing addresses", async () => {
    const caller = await admin();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ birthday: tomorrow })),
      invalid("birthday", "A birthday cannot be in the future."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ generatePassword: false, password: "short" })),
      invalid("password", "Use at least 10 characters."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ generatePassword: false })),
      invalid("password", "Enter a password, or select Generate Password."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ addresses: [address, address] })),
      invalid("addresses.1.isDefaultBilling", "Only one address can be the default billing address."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ customerId: null })),
      invalid("customerId", "Choose the customer this user represents."),
    );
  });

  it("offers only roles the customer may use: another company's role is refused", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ customerId: fx.holding, roleIds: [fx.globexAuditor] })), {
      code: "BAD_REQUEST",
      ...fieldErrors({ roleIds: ["Some chosen roles are not available to this customer."] }),
    });
    const own = newUser({ customerId: fx.holding, roleIds: [fx.acmePurchaser, fx.buyer] });
    await caller.admin.customerUsers.create(own);
    expect((await userByEmail(own.email)).roles.map((r) => r.roleId).sort()).toEqual([fx.buyer, fx.acmePurchaser].sort());
  });

  it("refuses to send a welcome email to a disabled user", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ enabled: false, sendWelcomeEmail: true })), {
      code: "BAD_REQUEST",
      ...fieldErrors({ sendWelcomeEmail: [expect.stringContaining("A disabled user cannot sign in")] }),
    });
  });

  it("creates a new subsidiary in place, under the chosen parent, with the parent's representatives", async () => {
    const caller = await admin();
    const input = newUser({ customerId: null, newCustomer: { name: "Acme West Retail", parentId: fx.west }, roleIds: [fx.administrator] });
    await caller.admin.customerUsers.create(input);
    const user = await userByEmail(input.email);
    const subsidiary = await db.customer.findUniqueOrThrow({ where: { id: user.customerId }, include: { salesRepresentatives: true } });
    const west = await db.customer.findUniqueOrThrow({ where: { id: fx.west } });
    expect(subsidiary).toMatchObject({
      name: "Acme West Retail",
      parentId: fx.west,
      path: `${west.path}${subsidiary.id}/`,
      ownerId: west.ownerId,
    });
    expect(user.customerPath).toBe(subsidiary.path);
    expect(await db.auditEvent.count({ where: { action: "customer.create", entityId: String(subsidiary.id) } })).toBe(1);
  });

  it("keeps a sales manager to the customers they represent: others are NOT_FOUND, and so is a subsidiary they may not create", async () => {
    const caller = await sales();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ customerId: fx.globex })), { code: "NOT_FOUND" });
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ customerId: null, newCustomer: { name: "Acme East Two", parentId: fx.east } })),
      { code: "NOT_FOUND" },
    );
    const input = newUser({ customerId: fx.east });
    await caller.admin.customerUsers.create(input);
    expect(await userByEmail(input.email)).toMatchObject({ customerId: fx.east, ownerId: fx.sam });
  });
});

// ------------------------------------------------------------------------------------- create, storefront

describe("createCustomerUser for a customer's administrator (storefront realm)", () => {
  const create = (actor: CustomerPrincipal, input: CreateCustomerUserInput) =>
    createCustomerUser(db, actor, createCustomerUserInput.parse(input));

  it("adds users within the administrator's reach: Corporate reaches the subsidiaries, Department only its own customer", async () => {
    const input = newUser({ customerId: fx.east });
    await create(amanda, input);
    expect(await userByEmail(input.email)).toMatchObject({
      customerId: fx.east,
      ownerId: (await db.customer.findUniqueOrThrow({ where: { id: fx.east } })).ownerId,
    });
    await refusedWithoutChange(() => create(amanda, newUser({ customerId: fx.globex })), { code: "NOT_FOUND" });
    await refusedWithoutChange(() => create(dora, newUser({ customerId: fx.east })), { code: "NOT_FOUND" });
    const own = newUser({ customerId: fx.holding });
    await create(dora, own);
    expect((await userByEmail(own.email)).customerId).toBe(fx.holding);
  });

  it("hands out only roles within the administrator's own grants, naming what exceeds them", async () => {
    await refusedWithoutChange(() => create(dora, newUser({ customerId: fx.holding, roleIds: [fx.administrator] })), {
      code: "FORBIDDEN",
      message: expect.stringMatching(
        /^You cannot assign roles with more than you hold yourself: .*"Edit customer user" at Corporate \(you hold Department\)/,
      ),
    });
    const choices = await roleChoices(db, dora, fx.holding);
    expect(choices.find((r) => r.id === fx.administrator)).toMatchObject({ assignable: false });
    expect(choices.find((r) => r.id === fx.acmePurchaser)).toMatchObject({ assignable: true, predefined: false });
    expect(choices.some((r) => r.id === fx.globexAuditor)).toBe(false);
  });

  it("creates a subsidiary only with Corporate levels, and leaves sales representatives to staff", async () => {
    await refusedWithoutChange(
      () => create(dora, newUser({ customerId: null, newCustomer: { name: "Dora's branch", parentId: fx.holding } })),
      { code: "NOT_FOUND" },
    );
    const input = newUser({ customerId: null, newCustomer: { name: "Acme North", parentId: fx.holding } });
    await create(amanda, input);
    expect((await db.customer.findUniqueOrThrow({ where: { id: (await userByEmail(input.email)).customerId } })).parentId).toBe(fx.holding);
    await refusedWithoutChange(() => create(amanda, newUser({ salesRepresentativeIds: [fx.sam] })), {
      code: "FORBIDDEN",
      message: "Only staff choose sales representatives.",
    });
  });

  it("needs the role-assignment permission to give roles, and the address permissions to add addresses", async () => {
    const cleo = await customerPrincipal(db, "cleo.clerk@acme.test");
    await refusedWithoutChange(() => create(cleo, newUser({ customerId: fx.holding })), {
      code: "FORBIDDEN",
      message: "Your roles do not let you assign roles to this customer's users.",
    });
    await refusedWithoutChange(() => create(cleo, newUser({ customerId: fx.holding, enabled: false, roleIds: [], addresses: [address] })), {
      code: "FORBIDDEN",
      message: "Your roles do not let you add addresses for this customer's users.",
    });
    const plain = newUser({ customerId: fx.holding, enabled: false, roleIds: [] });
    await create(cleo, plain);
    expect(await userByEmail(plain.email)).toMatchObject({ enabled: false, customerId: fx.holding });
  });

  it("refuses a buyer, whose roles reach no customer to add users to", async () => {
    const bob = await customerPrincipal(db, "bob.buyer@acme.test");
    await refusedWithoutChange(() => create(bob, newUser({ customerId: fx.holding })), { code: "NOT_FOUND" });
  });
});

// ---------------------------------------------------------------------------------------------- update

describe("admin.customerUsers.update", () => {
  it("saves the edit, bumps the version, records before and after, and never touches confirmation", async () => {
    const caller = await admin();
    for (const email of ["eddie.buyer@acme.test", "una.unconfirmed@acme.test"]) {
      const before = await userByEmail(email);
      const result = await caller.admin.customerUsers.update(
        await editOf(email, { middleName: "Quincy", phone: "+1 555 0100", birthday: "1985-12-24", localizationId: fx.de }),
      );
      expect(result).toEqual({ id: before.id, version: before.version + 1 });
      const after = await userByEmail(email);
      expect(after).toMatchObject({
        middleName: "Quincy",
        phone: "+1 555 0100",
        version: before.version + 1,
        confirmedAt: before.confirmedAt,
        sessionVersion: before.sessionVersion,
        passwordHash: before.passwordHash,
      });
      expect(after.websiteSettings.find((s) => s.websiteId === fx.store)?.localizationId).toBe(fx.de);
      const audit = await db.auditEvent.findFirstOrThrow({
        where: { entityId: String(before.id), action: "customerUser.update" },
        orderBy: { id: "desc" },
      });
      expect(audit.before).toMatchObject({ middleName: null, phone: null });
      expect(audit.after).toMatchObject({ middleName: "Quincy", phone: "+1 555 0100", birthday: "1985-12-24", localizationId: fx.de });
    }
  });

  it("refuses a save over someone else's newer change with CONFLICT, and writes nothing", async () => {
    const caller = await admin();
    const stale = await editOf("wendy.buyer@acme.test", { localizationId: fx.en });
    await caller.admin.customerUsers.update({ ...stale, firstName: "Wendolyn" });
    await refusedWithoutChange(
      () => caller.admin.customerUsers.update({ ...stale, lastName: "Overwritten" }),
      { code: "CONFLICT", message: staleVersion().message },
      "wendy.buyer@acme.test",
    );
    expect(await userByEmail("wendy.buyer@acme.test")).toMatchObject({ firstName: "Wendolyn", lastName: "Buyer" });
  });

  it("refuses an enabled user without roles with the guide's message; disabling saves without roles and ends the sessions", async () => {
    const caller = await admin();
    const email = "lara.logistics@acme.test";
    await refusedWithoutChange(
      () => editOf(email, { roleIds: [], localizationId: fx.en }).then((input) => caller.admin.customerUsers.update(input)),
      {
        code: "BAD_REQUEST",
        message: enabledWithoutRoleMessage,
      },
      email,
    );
    const before = await userByEmail(email);
    await caller.admin.customerUsers.update(await editOf(email, { enabled: false, roleIds: [], localizationId: fx.en }));
    expect(await userByEmail(email)).toMatchObject({
      enabled: false,
      roles: [],
      sessionVersion: before.sessionVersion + 1,
      confirmedAt: before.confirmedAt,
    });
  });

  it("bumps the authorization epoch when roles change, and only then", async () => {
    const caller = await admin();
    const email = "gary.buyer@globex.test";
    let mark = await epoch();
    await caller.admin.customerUsers.update(await editOf(email, { phone: "123 456", localizationId: fx.en }));
    expect(await epoch()).toBe(mark);
    await caller.admin.customerUsers.update(await editOf(email, { roleIds: [fx.buyer, fx.globexAuditor] }));
    expect(await epoch()).toBeGreaterThan(mark);
    mark = await epoch();
    expect((await userByEmail(email)).roles.map((r) => r.roleId).sort()).toEqual([fx.buyer, fx.globexAuditor].sort());
  });

  it("moves a user to another customer: the customer path follows, and the old customer's roles do not", async () => {
    const caller = await admin();
    const email = "alice.schmidt.1@example.test";
    const before = await userByEmail(email);
    await refusedWithoutChange(
      () =>
        editOf(email, { customerId: fx.globex, roleIds: [fx.acmePurchaser], localizationId: fx.en }).then((input) =>
          caller.admin.customerUsers.update(input),
        ),
      {
        code: "BAD_REQUEST",
        ...fieldErrors({ roleIds: ["Some chosen roles are not available to this customer."] }),
      },
      email,
    );
    await caller.admin.customerUsers.update(await editOf(email, { customerId: fx.west, roleIds: [fx.buyer], localizationId: fx.en }));
    const after = await userByEmail(email);
    expect(after.customerPath).toBe((await db.customer.findUniqueOrThrow({ where: { id: fx.west } })).path);
    expect(after.customerPath).not.toBe(before.customerPath);
  });

  it("keeps, adds, changes and deletes addresses as the form sent them", async () => {
    const caller = await admin();
    const email = "bob.buyer@acme.test";
    const start = await editOf(email, { localizationId: fx.en });
    const [office] = start.addresses!;
    await caller.admin.customerUsers.update({
      ...start,
      addresses: [office!, { ...address, isDefaultBilling: false, isDefaultShipping: false, label: "Depot" }],
    });
    let user = await userByEmail(email);
    expect(user.addresses.map((a) => a.label).sort()).toEqual(["Depot", "Office"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: String(user.id), action: "customerUser.update" },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ addresses: { added: 1, changed: [], deleted: [] } });
    const depot = user.addresses.find((a) => a.label === "Depot")!;
    const next = await editOf(email);
    await caller.admin.customerUsers.update({
      ...next,
      addresses: [{ ...next.addresses!.find((a) => a.id === depot.id)!, city: "Hamburg" }],
    });
    user = await userByEmail(email);
    expect(user.addresses).toMatchObject([{ id: depot.id, city: "Hamburg" }]);
  });

  it("refuses to leave a customer without an enabled user who can manage its users", async () => {
    const caller = await admin();
    const solo = await createCustomerNode(db, { name: "Solo Record Trading" });
    await db.customerUser.create({
      data: {
        email: "owner@solo-record.test",
        firstName: "Owen",
        lastName: "Solo",
        customerId: solo.id,
        customerPath: solo.path,
        roles: { create: { roleId: fx.administrator } },
      },
    });
    const manager = /Solo Record Trading must keep at least one enabled user who can manage its users/;
    await refusedWithoutChange(
      () => editOf("owner@solo-record.test", { enabled: false, roleIds: [] }).then((i) => caller.admin.customerUsers.update(i)),
      { code: "BAD_REQUEST", message: expect.stringMatching(manager) },
      "owner@solo-record.test",
    );
    await refusedWithoutChange(
      () => editOf("owner@solo-record.test", { roleIds: [fx.buyer] }).then((i) => caller.admin.customerUsers.update(i)),
      { code: "BAD_REQUEST", message: expect.stringMatching(manager) },
      "owner@solo-record.test",
    );
  });

  it("is NOT_FOUND for a sales manager on another customer's user, and when moving a user out of their customers", async () => {
    const caller = await sales();
    await refusedWithoutChange(
      () => editOf("ian.initech@initech.test").then((i) => caller.admin.customerUsers.update(i)),
      { code: "NOT_FOUND" },
      "ian.initech@initech.test",
    );
    await refusedWithoutChange(
      () => editOf("una.unconfirmed@acme.test", { customerId: fx.globex }).then((i) => caller.admin.customerUsers.update(i)),
      { code: "NOT_FOUND" },
      "una.unconfirmed@acme.test",
    );
  });

  it("refuses a taken email as a CONFLICT on the field", async () => {
    const caller = await admin();
    await refusedWithoutChange(
      () =>
        editOf("erin.east@acme.test", { email: "GINA.globex@globex.test", localizationId: fx.de }).then((i) =>
          caller.admin.customerUsers.update(i),
        ),
      {
        code: "CONFLICT",
        ...fieldErrors({ email: ["This email is already in use."] }),
      },
      "erin.east@acme.test",
    );
  });
});

// ------------------------------------------------------------------------------------- update, storefront

describe("updateCustomerUser for a customer's administrator (storefront realm)", () => {
  const update = async (actor: CustomerPrincipal, email: string, overrides: Partial<UpdateCustomerUserInput> = {}) =>
    updateCustomerUser(
      db,
      actor,
      updateCustomerUserInput.parse(await editOf(email, { localizationId: fx.en, salesRepresentativeIds: undefined, ...overrides })),
    );

  it("edits users within reach and refuses others as NOT_FOUND", async () => {
    await update(amanda, "eddie.buyer@acme.test", { phone: "0421 000", localizationId: fx.de });
    expect((await userByEmail("eddie.buyer@acme.test")).phone).toBe("0421 000");
    await refusedWithoutChange(() => update(dora, "eddie.buyer@acme.test"), { code: "NOT_FOUND" }, "eddie.buyer@acme.test");
    await refusedWithoutChange(() => update(amanda, "gary.buyer@globex.test"), { code: "NOT_FOUND" }, "gary.buyer@globex.test");
  });

  it("never lets an administrator edit a user who holds more than they do, nor hand out more", async () => {
    await refusedWithoutChange(
      () => update(dora, "amanda.admin@acme.test", { email: "dora.owns.this@acme.test" }),
      {
        code: "FORBIDDEN",
        message: expect.stringMatching(/^You cannot edit a user with more than you hold yourself/),
      },
      "amanda.admin@acme.test",
    );
    await refusedWithoutChange(
      () => update(dora, "bob.buyer@acme.test", { roleIds: [fx.buyer, fx.administrator] }),
      {
        code: "FORBIDDEN",
        message: expect.stringMatching(/^You cannot assign roles with more than you hold yourself/),
      },
      "bob.buyer@acme.test",
    );
    await update(dora, "bob.buyer@acme.test", { roleIds: [fx.buyer, fx.acmePurchaser] });
    expect((await userByEmail("bob.buyer@acme.test")).roles).toHaveLength(2);
  });

  it("never lets administrators disable or move themselves", async () => {
    await refusedWithoutChange(
      () => update(amanda, "amanda.admin@acme.test", { enabled: false }),
      { code: "BAD_REQUEST", message: "You cannot disable yourself." },
      "amanda.admin@acme.test",
    );
    await refusedWithoutChange(
      () => update(amanda, "amanda.admin@acme.test", { customerId: fx.east }),
      {
        code: "BAD_REQUEST",
        ...serviceFieldErrors({ customerId: ["You cannot move yourself to another customer."] }),
      },
      "amanda.admin@acme.test",
    );
  });

  it("refuses to let a lone administrator take away their own power to manage users", async () => {
    const solo = await createCustomerNode(db, { name: "Lone Admin Ltd" });
    await db.customerUser.create({
      data: {
        email: "lone@lone.test",
        firstName: "Lone",
        lastName: "Admin",
        confirmedAt: new Date(),
        customerId: solo.id,
        customerPath: solo.path,
        roles: { create: { roleId: fx.administrator } },
      },
    });
    const lone = await customerPrincipal(db, "lone@lone.test");
    await refusedWithoutChange(
      () => update(lone, "lone@lone.test", { roleIds: [fx.buyer] }),
      {
        code: "BAD_REQUEST",
        message: expect.stringContaining("Lone Admin Ltd must keep at least one enabled user who can manage its users"),
      },
      "lone@lone.test",
    );
  });
});

// ------------------------------------------------------------------------------------ get and choices

describe("admin.customerUsers.get, consents and the form's choices", () => {
  it("shows the whole record to staff who reach it, and is NOT_FOUND otherwise", async () => {
    const bob = await userByEmail("bob.buyer@acme.test");
    const record = await (await sales()).admin.customerUsers.get({ id: bob.id });
    expect(record).toMatchObject({
      id: bob.id,
      email: "bob.buyer@acme.test",
      customer: { id: fx.holding, name: "Acme Holding" },
      website: { id: fx.store, name: "Roster Store" },
      owner: { firstName: "Sam", lastName: "Sales" },
      localization: { code: "en" },
    });
    expect(record.roles.map((r) => r.label)).toContain("Buyer");
    const gary = await userByEmail("gary.buyer@globex.test");
    await expect((await sales()).admin.customerUsers.get({ id: gary.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await sales()).admin.customerUsers.consents({ id: gary.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists accepted consents with their dates, withdrawn ones marked", async () => {
    const bob = await userByEmail("bob.buyer@acme.test");
    const newsletter = await db.consentAcceptance.findFirstOrThrow({ where: { customerUserId: bob.id, consent: { title: "Newsletter" } } });
    await db.consentAcceptance.update({ where: { id: newsletter.id }, data: { withdrawnAt: new Date() } });
    const consents = await (await admin()).admin.customerUsers.consents({ id: bob.id });
    expect(consents.map((c) => [c.consent.title, c.withdrawnAt !== null])).toEqual(
      expect.arrayContaining([
        ["Privacy policy", false],
        ["Newsletter", true],
      ]),
    );
  });

  it("offers the predefined roles and the customer's own, and refuses customers out of scope", async () => {
    const roles = await (await admin()).admin.customerUsers.roleChoices({ customerId: fx.holding });
    expect(roles.map((r) => r.label)).toEqual(["Administrator", "Buyer", "Department administrator", "Purchaser", "User clerk"]);
    expect(roles.every((r) => r.assignable)).toBe(true);
    expect((await (await admin()).admin.customerUsers.roleChoices({ customerId: null })).map((r) => r.label)).toEqual([
      "Administrator",
      "Buyer",
    ]);
    await expect((await sales()).admin.customerUsers.roleChoices({ customerId: fx.globex })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers the customers within reach, by purpose", async () => {
    const names = async (caller: Awaited<ReturnType<typeof admin>>, purpose: "create" | "edit" | "subsidiary", search = "") =>
      (await caller.admin.customerUsers.customerChoices({ purpose, search })).map((c) => c.name);
    // Acme Holding, Acme East, and subsidiaries created under them earlier (which took their representative).
    const represented = await names(await sales(), "create");
    expect(represented).toEqual(expect.arrayContaining(["Acme East", "Acme Holding"]));
    expect(represented.some((name) => /Globex|Initech|Umbrella|Acme West/.test(name))).toBe(false);
    expect(await names(await sales(), "subsidiary")).toEqual([]);
    expect(await names(await admin(), "subsidiary", "west")).toEqual(["Acme West", "Acme West Logistics", "Acme West Retail"]);
    const east = (await (await admin()).admin.customerUsers.customerChoices({ search: "acme east" }))[0];
    expect(east).toMatchObject({ name: "Acme East", ancestry: ["Acme Holding"], salesRepresentativeIds: [fx.sam] });
  });

  it("gives the websites with their localizations and the staff who can represent users", async () => {
    const options = await (await admin()).admin.customerUsers.formOptions();
    expect(options.websites.map((w) => [w.name, w.localizations.map((l) => l.code)])).toEqual([
      ["Roster Store", ["en", "de"]],
      ["Roster Wholesale", ["en"]],
    ]);
    expect(options.staff.map((s) => s.email)).toEqual(expect.arrayContaining(["admin@roster.test", "sales@roster.test"]));
  });
});

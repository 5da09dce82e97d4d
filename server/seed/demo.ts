import type { DbClient } from "../db";
import { hashPassword } from "../auth/password";
import { departmentAdministratorGrants, predefinedRoles, predefinedStaffRoles } from "../authz/presets";
import { createCustomerNode } from "../services/customers/paths";

/**
 * Demo data that makes Roster explorable at once, and the fixture router and browser tests rely on. Every demo
 * account shares one password so a newcomer can sign in as anyone listed by `demoLogins`.
 */
export const DEMO_PASSWORD = "Roster-demo-2026";

export const demoLogins = {
  staff: [
    { email: "admin@roster.test", who: "Ada Admin — staff administrator, everything" },
    { email: "sales@roster.test", who: "Sam Sales — sales manager for Acme Holding and Acme East only" },
    { email: "viewer@roster.test", who: "Vera Viewer — read-only staff" },
    { email: "people@roster.test", who: "Pia People — staff manager: staff accounts and roles only" },
  ],
  customer: [
    { email: "amanda.admin@acme.test", who: "Administrator of Acme Holding (parent of Acme East and Acme West)" },
    { email: "bob.buyer@acme.test", who: "Buyer at Acme Holding" },
    { email: "walter.west@acme.test", who: "Administrator of Acme West (parent of Acme West Logistics)" },
    { email: "gina.globex@globex.test", who: "Administrator of Globex Industries (standalone)" },
    { email: "dana.department@acme.test", who: "Office manager of Acme East: administrator at Department level only" },
    { email: "carl.disabled@acme.test", who: "disabled — sign-in is refused" },
    { email: "una.unconfirmed@acme.test", who: "unconfirmed — sign-in is refused until confirmed" },
  ],
};

const firstNames = [
  "Alice",
  "Ben",
  "Clara",
  "David",
  "Elena",
  "Felix",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Katja",
  "Lukas",
  "Mia",
  "Noah",
  "Olga",
  "Paul",
  "Rosa",
  "Stefan",
  "Tara",
  "Uwe",
];
const lastNames = [
  "Schmidt",
  "Miller",
  "Novak",
  "Garcia",
  "Keller",
  "Dubois",
  "Rossi",
  "Jansen",
  "Kowalski",
  "Berg",
  "Lindqvist",
  "Moreau",
  "Weber",
  "Costa",
  "Fischer",
];

type Seeded = Awaited<ReturnType<typeof seedDemo>>;
export type DemoFixture = Seeded;

/** Seeds the demo data set into an empty, migrated database. */
export async function seedDemo(db: DbClient, options: { passwordHash?: string } = {}) {
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * 86_400_000);

  // Localizations and websites
  const en = await db.localization.create({ data: { code: "en", name: "English" } });
  const de = await db.localization.create({ data: { code: "de", name: "Deutsch" } });
  const store = await db.website.create({ data: { code: "default", name: "Roster Store", url: "http://localhost:3000", isDefault: true } });
  const wholesale = await db.website.create({
    data: { code: "wholesale", name: "Roster Wholesale", url: "http://localhost:3000/wholesale" },
  });
  await db.websiteLocalization.createMany({
    data: [
      { websiteId: store.id, localizationId: en.id, isDefault: true },
      { websiteId: store.id, localizationId: de.id },
      { websiteId: wholesale.id, localizationId: en.id, isDefault: true },
    ],
  });

  // Staff
  const staffRoles: Record<string, number> = {};
  for (const role of predefinedStaffRoles) {
    const created = await db.staffRole.create({
      data: {
        code: role.code,
        label: role.label,
        description: role.description,
        scope: role.scope,
        permissions: { createMany: { data: role.permissions.map((permission) => ({ permission })) } },
      },
    });
    staffRoles[role.code] = created.id;
  }
  const staff = async (email: string, firstName: string, lastName: string, role: string) =>
    db.staffUser.create({
      data: { email, firstName, lastName, passwordHash, roles: { create: { roleId: staffRoles[role]! } } },
    });
  const ada = await staff("admin@roster.test", "Ada", "Admin", "ADMINISTRATOR");
  const sam = await staff("sales@roster.test", "Sam", "Sales", "SALES_MANAGER");
  const vera = await staff("viewer@roster.test", "Vera", "Viewer", "READ_ONLY");
  const pia = await staff("people@roster.test", "Pia", "People", "STAFF_MANAGER");

  // Predefined customer roles
  const roles: Record<string, number> = {};
  for (const role of predefinedRoles) {
    const created = await db.customerUserRole.create({
      data: {
        code: role.code,
        label: role.label,
        selfManaged: role.selfManaged,
        public: role.public,
        permissions: { createMany: { data: role.grants.map(([permission, level]) => ({ permission, level })) } },
      },
    });
    roles[role.code] = created.id;
  }
  const adminRole = roles.ROLE_FRONTEND_ADMINISTRATOR!;
  const buyerRole = roles.ROLE_FRONTEND_BUYER!;
  for (const website of [store, wholesale]) {
    await db.websiteSettings.create({
      data: {
        websiteId: website.id,
        defaultRoleId: adminRole,
        registrationOwnerId: ada.id,
        registrationAllowed: website.id === store.id,
      },
    });
  }

  // Customers: a parent company with two subsidiaries, one with its own subsidiary; standalone customers.
  const partners = await db.customerGroup.create({ data: { name: "Partners" } });
  const retail = await db.customerGroup.create({ data: { name: "Retail" } });
  const holding = await createCustomerNode(db, { name: "Acme Holding", groupId: partners.id, ownerId: sam.id });
  const east = await createCustomerNode(db, { name: "Acme East", parentId: holding.id, groupId: partners.id, ownerId: sam.id });
  const west = await createCustomerNode(db, { name: "Acme West", parentId: holding.id, groupId: partners.id, ownerId: ada.id });
  const logistics = await createCustomerNode(db, { name: "Acme West Logistics", parentId: west.id, ownerId: ada.id });
  const globex = await createCustomerNode(db, { name: "Globex Industries", groupId: retail.id, ownerId: ada.id });
  const initech = await createCustomerNode(db, { name: "Initech", groupId: retail.id, ownerId: ada.id });
  const umbrella = await createCustomerNode(db, { name: "Umbrella Supplies", ownerId: ada.id });
  await db.customerSalesRep.createMany({
    data: [
      { customerId: holding.id, staffUserId: sam.id },
      { customerId: east.id, staffUserId: sam.id },
      { customerId: globex.id, staffUserId: ada.id },
    ],
  });
  await db.customerAddress.createMany({
    data: [
      {
        customerId: holding.id,
        label: "Headquarters",
        organization: "Acme Holding",
        street: "1 Market Street",
        city: "Springfield",
        postalCode: "12345",
        countryCode: "US",
        isPrimary: true,
        isBilling: true,
        isShipping: true,
        isDefaultBilling: true,
        isDefaultShipping: true,
      },
      {
        customerId: west.id,
        label: "Warehouse",
        organization: "Acme West",
        street: "77 Harbor Road",
        city: "Portland",
        postalCode: "97201",
        countryCode: "US",
        isShipping: true,
        isDefaultShipping: true,
      },
      {
        customerId: globex.id,
        label: "Main office",
        organization: "Globex Industries",
        street: "Hauptstraße 5",
        city: "Berlin",
        postalCode: "10115",
        countryCode: "DE",
        isPrimary: true,
        isBilling: true,
        isDefaultBilling: true,
      },
    ],
  });

  // Customer users
  const customers = { holding, east, west, logistics, globex, initech, umbrella };
  type Spec = {
    email: string;
    firstName: string;
    lastName: string;
    customer: keyof typeof customers;
    role: number | null;
    enabled?: boolean;
    confirmed?: boolean;
    localization?: number;
    createdDaysAgo: number;
  };
  const specs: Spec[] = [
    {
      email: "amanda.admin@acme.test",
      firstName: "Amanda",
      lastName: "Admin",
      customer: "holding",
      role: adminRole,
      localization: en.id,
      createdDaysAgo: 400,
    },
    {
      email: "bob.buyer@acme.test",
      firstName: "Bob",
      lastName: "Buyer",
      customer: "holding",
      role: buyerRole,
      localization: en.id,
      createdDaysAgo: 380,
    },
    {
      email: "carl.disabled@acme.test",
      firstName: "Carl",
      lastName: "Disabled",
      customer: "holding",
      role: buyerRole,
      enabled: false,
      createdDaysAgo: 300,
    },
    {
      email: "una.unconfirmed@acme.test",
      firstName: "Una",
      lastName: "Unconfirmed",
      customer: "holding",
      role: buyerRole,
      confirmed: false,
      createdDaysAgo: 3,
    },
    {
      email: "erin.east@acme.test",
      firstName: "Erin",
      lastName: "East",
      customer: "east",
      role: adminRole,
      localization: de.id,
      createdDaysAgo: 250,
    },
    { email: "eddie.buyer@acme.test", firstName: "Eddie", lastName: "Buyer", customer: "east", role: buyerRole, createdDaysAgo: 200 },
    { email: "walter.west@acme.test", firstName: "Walter", lastName: "West", customer: "west", role: adminRole, createdDaysAgo: 240 },
    { email: "wendy.buyer@acme.test", firstName: "Wendy", lastName: "Buyer", customer: "west", role: buyerRole, createdDaysAgo: 180 },
    {
      email: "lara.logistics@acme.test",
      firstName: "Lara",
      lastName: "Logistics",
      customer: "logistics",
      role: buyerRole,
      createdDaysAgo: 120,
    },
    {
      email: "gina.globex@globex.test",
      firstName: "Gina",
      lastName: "Globex",
      customer: "globex",
      role: adminRole,
      localization: de.id,
      createdDaysAgo: 365,
    },
    { email: "gary.buyer@globex.test", firstName: "Gary", lastName: "Buyer", customer: "globex", role: buyerRole, createdDaysAgo: 90 },
    { email: "ian.initech@initech.test", firstName: "Ian", lastName: "Initech", customer: "initech", role: adminRole, createdDaysAgo: 60 },
    {
      email: "nora.norole@umbrella.test",
      firstName: "Nora",
      lastName: "Norole",
      customer: "umbrella",
      role: null,
      enabled: false,
      createdDaysAgo: 10,
    },
  ];
  const customerKeys = Object.keys(customers) as (keyof typeof customers)[];
  for (let i = 0; i < 48; i++) {
    const firstName = firstNames[i % firstNames.length]!;
    const lastName = lastNames[(i * 7) % lastNames.length]!;
    specs.push({
      email: `${firstName}.${lastName}.${i + 1}@example.test`.toLowerCase(),
      firstName,
      lastName,
      customer: customerKeys[i % customerKeys.length]!,
      role: i % 5 === 0 ? adminRole : buyerRole,
      enabled: i % 11 !== 3,
      confirmed: i % 13 !== 5,
      createdDaysAgo: 5 + ((i * 37) % 700),
    });
  }

  const users: Record<string, { id: number; customerId: number; customerPath: string }> = {};
  for (const spec of specs) {
    const customer = customers[spec.customer];
    const user = await db.customerUser.create({
      data: {
        email: spec.email,
        firstName: spec.firstName,
        lastName: spec.lastName,
        enabled: spec.enabled ?? true,
        confirmedAt: spec.confirmed === false ? null : daysAgo(spec.createdDaysAgo),
        passwordHash,
        customerId: customer.id,
        customerPath: customer.path,
        websiteId: store.id,
        ownerId: sam.id,
        createdAt: daysAgo(spec.createdDaysAgo),
        lastLoginAt: spec.createdDaysAgo > 30 ? daysAgo(spec.createdDaysAgo % 30) : null,
        loginCount: spec.createdDaysAgo > 30 ? spec.createdDaysAgo % 40 : 0,
        ...(spec.role ? { roles: { create: { roleId: spec.role } } } : {}),
        ...(spec.localization ? { websiteSettings: { create: { websiteId: store.id, localizationId: spec.localization } } } : {}),
      },
      select: { id: true, customerId: true, customerPath: true },
    });
    users[spec.email] = user;
  }
  const named = (email: string) => users[email]!;

  // A company role at Department level, and its holder: an administrator who cannot reach subsidiaries.
  const officeManager = await db.customerUserRole.create({
    data: {
      code: "ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER",
      label: "Office manager",
      customerId: east.id,
      selfManaged: true,
      public: true,
      permissions: { createMany: { data: departmentAdministratorGrants.map(([permission, level]) => ({ permission, level })) } },
    },
  });
  users["dana.department@acme.test"] = await db.customerUser.create({
    data: {
      email: "dana.department@acme.test",
      firstName: "Dana",
      lastName: "Department",
      confirmedAt: daysAgo(150),
      passwordHash,
      customerId: east.id,
      customerPath: east.path,
      websiteId: store.id,
      ownerId: sam.id,
      createdAt: daysAgo(150),
      roles: { create: { roleId: officeManager.id } },
    },
    select: { id: true, customerId: true, customerPath: true },
  });

  // Records the demo users created
  const recordOwners = [
    "amanda.admin@acme.test",
    "bob.buyer@acme.test",
    "erin.east@acme.test",
    "eddie.buyer@acme.test",
    "walter.west@acme.test",
    "lara.logistics@acme.test",
    "gina.globex@globex.test",
    "gary.buyer@globex.test",
  ];
  const orderStatuses = ["OPEN", "PROCESSING", "SHIPPED", "CLOSED", "CANCELLED"] as const;
  const quoteStatuses = ["DRAFT", "SENT_TO_CUSTOMER", "ACCEPTED", "DECLINED", "EXPIRED"] as const;
  const rfqStatuses = ["SUBMITTED", "PROCESSING", "MORE_INFO_REQUESTED", "DECLINED", "CANCELLED"] as const;
  let orderNo = 1000;
  let quoteNo = 500;
  for (const [index, email] of recordOwners.entries()) {
    const owner = named(email);
    const base = { customerUserId: owner.id, customerId: owner.customerId, customerPath: owner.customerPath };
    for (let k = 0; k < 3; k++) {
      const subtotal = (120 + index * 45 + k * 17.5).toFixed(2);
      await db.order.create({
        data: {
          ...base,
          number: `SO-${++orderNo}`,
          poNumber: `PO-${index}${k}`,
          status: orderStatuses[(index + k) % 5]!,
          currency: "USD",
          subtotal,
          total: (Number(subtotal) * 1.08).toFixed(2),
          createdAt: daysAgo(k * 9 + index),
        },
      });
    }
    const rfq = await db.rfq.create({
      data: {
        ...base,
        poNumber: `RFQ-PO-${index}`,
        status: rfqStatuses[index % 5]!,
        note: "Please quote volume pricing.",
        createdAt: daysAgo(20 + index),
      },
    });
    await db.quote.create({
      data: {
        ...base,
        number: `Q-${++quoteNo}`,
        rfqId: rfq.id,
        status: quoteStatuses[index % 5]!,
        currency: "USD",
        total: (900 + index * 110).toFixed(2),
        validUntil: daysAgo(-30),
        createdAt: daysAgo(15 + index),
      },
    });
    await db.shoppingList.create({
      data: {
        ...base,
        websiteId: store.id,
        label: "Weekly restock",
        isDefault: true,
        currency: "USD",
        subtotal: (75 + index * 12).toFixed(2),
        lineItemCount: 3 + index,
        createdAt: daysAgo(5 + index),
      },
    });
    await db.shoppingList.create({
      data: {
        ...base,
        websiteId: store.id,
        label: "Office supplies",
        currency: "USD",
        subtotal: "42.50",
        lineItemCount: 2,
        createdAt: daysAgo(40 + index),
      },
    });
    await db.customerUserAddress.create({
      data: {
        customerUserId: owner.id,
        label: "Office",
        street: `${10 + index} Commerce Way`,
        city: "Springfield",
        postalCode: "12345",
        countryCode: "US",
        isPrimary: true,
        isBilling: true,
        isShipping: true,
        isDefaultBilling: true,
        isDefaultShipping: true,
      },
    });
  }

  // Consents
  const privacy = await db.consent.create({
    data: {
      title: "Privacy policy",
      body: "I agree that my personal data is processed as described in the privacy policy.",
      mandatory: true,
      sortOrder: 1,
    },
  });
  const newsletter = await db.consent.create({
    data: { title: "Newsletter", body: "Send me news about products and offers.", mandatory: false, sortOrder: 2 },
  });
  for (const email of ["amanda.admin@acme.test", "bob.buyer@acme.test", "gina.globex@globex.test"]) {
    await db.consentAcceptance.create({ data: { consentId: privacy.id, customerUserId: named(email).id, acceptedAt: daysAgo(100) } });
  }
  await db.consentAcceptance.create({
    data: { consentId: newsletter.id, customerUserId: named("bob.buyer@acme.test").id, acceptedAt: daysAgo(50) },
  });

  // Notes and events
  const written = { createdAt: daysAgo(12), updatedAt: daysAgo(12) };
  await db.note.createMany({
    data: [
      {
        customerUserId: named("bob.buyer@acme.test").id,
        authorId: sam.id,
        body: "Prefers delivery before noon. Asked about net-60 terms.",
        ...written,
      },
      { customerUserId: named("amanda.admin@acme.test").id, authorId: ada.id, body: "Main contact for the Acme group.", ...written },
      { customerId: holding.id, authorId: sam.id, body: "Annual contract renews in March.", ...written },
    ],
  });
  await db.calendarEvent.create({
    data: {
      customerUserId: named("bob.buyer@acme.test").id,
      createdById: sam.id,
      title: "Quarterly review call",
      startAt: daysAgo(-7),
      endAt: new Date(now + 7 * 86_400_000 + 3_600_000),
    },
  });

  return {
    websites: { store, wholesale },
    localizations: { en, de },
    staff: { ada, sam, vera, pia },
    staffRoles,
    roles: { administrator: adminRole, buyer: buyerRole, officeManager: officeManager.id },
    customers,
    users,
    consents: { privacy, newsletter },
  };
}

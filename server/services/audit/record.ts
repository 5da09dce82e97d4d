import type { DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import type { Prisma } from "../../generated/prisma/client";

/**
 * The audit log: every change, with who made it (and who really did, when a staff member acts as a customer user),
 * what it touched, and the record before and after. Written in the transaction of the change.
 *
 * Every audited record type says here who may read its entries and whose personal data they may hold:
 * - `readers`: "company" entries are also read by the customer's administrators holding "View the company audit log"
 *   (for their customer and its subsidiaries); "staff" entries (staff notes and events, the back office's own
 *   records) never leave the back office. `staffOnly` lists fields of before/after the company does not see.
 * - `person`: "entity" when the record is a customer user; "subject" when the writer names the customer user the
 *   entry is about (or null); "none" when it holds nobody's personal data. Erasing a user blanks the entries about
 *   them (subjectUserId).
 * A record type missing here cannot be written (AuditEntry's type), so each new one is decided on.
 */
type RecordType = { readers: "staff" | "company"; person: "entity" | "subject" | "none"; staffOnly?: readonly string[] };

export const auditRecordTypes = {
  CustomerUser: { readers: "company", person: "entity", staffOnly: ["salesRepresentativeIds"] },
  CustomerUserAddress: { readers: "company", person: "subject" },
  CustomerUserRole: { readers: "company", person: "none" },
  Customer: { readers: "company", person: "none", staffOnly: ["parentId", "groupId", "salesRepIds"] },
  CustomerAddress: { readers: "company", person: "none" },
  Invitation: { readers: "company", person: "subject" },
  OAuthApplication: { readers: "company", person: "subject" },
  ConsentAcceptance: { readers: "company", person: "subject" },
  Note: { readers: "staff", person: "subject" },
  CalendarEvent: { readers: "staff", person: "subject" },
  RateLimit: { readers: "staff", person: "none" },
  Consent: { readers: "staff", person: "none" },
  CustomerGroup: { readers: "staff", person: "none" },
  StaffUser: { readers: "staff", person: "none" },
  StaffRole: { readers: "staff", person: "none" },
  WebsiteSettings: { readers: "staff", person: "none" },
} as const satisfies Record<string, RecordType>;

export type AuditEntityType = keyof typeof auditRecordTypes;

/** The record types a customer's audit view may show. */
export const companyAuditTypes = (Object.keys(auditRecordTypes) as AuditEntityType[]).filter(
  (type) => auditRecordTypes[type].readers === "company",
);

export type AuditEntry = {
  action: string;
  entityType: AuditEntityType;
  entityId: number | string;
  customerPath?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  reason?: string | null;
  /** For record types whose `person` is "subject": the customer user the entry is about, or null for nobody. */
  subjectUserId?: number | null;
};

export type AuditActor = Principal | { realm: "system" };

function subjectOf(entry: AuditEntry): number | null {
  const { person } = auditRecordTypes[entry.entityType] as RecordType;
  if (person === "entity") return Number(entry.entityId);
  if (person === "none") return null;
  // Fails loudly in every test that writes such an entry: a writer that forgets whose data it holds would leave it
  // behind at erasure.
  if (entry.subjectUserId === undefined) throw new Error(`An audit entry about a ${entry.entityType} must name its subject.`);
  return entry.subjectUserId;
}

export async function recordAudit(tx: DbClient, actor: AuditActor, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorType: actor.realm === "staff" ? "STAFF" : actor.realm === "customer" ? "CUSTOMER_USER" : "SYSTEM",
      actorStaffId: actor.realm === "staff" ? actor.id : null,
      actorCustomerUserId: actor.realm === "customer" ? actor.id : null,
      impersonatorStaffId: actor.realm === "customer" ? (actor.impersonator?.staffUserId ?? null) : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      customerPath: entry.customerPath ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      reason: entry.reason ?? null,
      subjectUserId: subjectOf(entry),
    },
  });
}

/** An entry about a customer user, filed under their customer's path for the company-scoped audit views. */
export function auditCustomerUser(
  tx: DbClient,
  actor: AuditActor,
  user: { id: number; customerPath: string },
  action: string,
  change: Pick<AuditEntry, "before" | "after" | "reason"> = {},
) {
  return recordAudit(tx, actor, { action, entityType: "CustomerUser", entityId: user.id, customerPath: user.customerPath, ...change });
}

/** before/after as a company reader may see them: the record type's staff-only fields left out. */
export function forCompany(entityType: string, value: unknown): unknown {
  const staffOnly = (auditRecordTypes as Record<string, RecordType>)[entityType]?.staffOnly;
  if (!staffOnly || !value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !staffOnly.includes(key)));
}

/**
 * Erasure's part in the audit log: the entries about the user keep what happened and when, not the values (before,
 * after, the reason given), which may hold their name, address or what staff wrote about them.
 */
export async function eraseAuditSubject(tx: DbClient, customerUserId: number) {
  await tx.$executeRaw`UPDATE "AuditEvent" SET "before" = NULL, "after" = NULL, "reason" = NULL WHERE "subjectUserId" = ${customerUserId}`;
}

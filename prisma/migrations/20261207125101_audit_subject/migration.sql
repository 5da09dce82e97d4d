-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "subjectUserId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEvent_subjectUserId_idx" ON "AuditEvent"("subjectUserId");

-- Data: the subject of the entries written before this migration, where it can still be told: the customer user an
-- entry is about, whose note, event, address, application, consent or accepted invitation it is.
UPDATE "AuditEvent" SET "subjectUserId" = "entityId"::integer
WHERE "entityType" = 'CustomerUser' AND "entityId" ~ '^[0-9]{1,9}$';
UPDATE "AuditEvent" a SET "subjectUserId" = n."customerUserId"
FROM "Note" n WHERE a."entityType" = 'Note' AND a."entityId" = n."id"::text AND n."customerUserId" IS NOT NULL;
UPDATE "AuditEvent" a SET "subjectUserId" = e."customerUserId"
FROM "CalendarEvent" e WHERE a."entityType" = 'CalendarEvent' AND a."entityId" = e."id"::text;
UPDATE "AuditEvent" SET "subjectUserId" = (COALESCE("after", "before")->>'customerUserId')::integer
WHERE "subjectUserId" IS NULL AND "entityType" IN ('Note', 'CalendarEvent', 'OAuthApplication')
  AND COALESCE("after", "before")->>'customerUserId' ~ '^[0-9]{1,9}$';
UPDATE "AuditEvent" a SET "subjectUserId" = ad."customerUserId"
FROM "CustomerUserAddress" ad WHERE a."entityType" = 'CustomerUserAddress' AND a."entityId" = ad."id"::text;
UPDATE "AuditEvent" a SET "subjectUserId" = o."customerUserId"
FROM "OAuthApplication" o WHERE a."entityType" = 'OAuthApplication' AND a."entityId" = o."id"::text AND a."subjectUserId" IS NULL;
UPDATE "AuditEvent" a SET "subjectUserId" = c."customerUserId"
FROM "ConsentAcceptance" c WHERE a."entityType" = 'ConsentAcceptance' AND a."entityId" = c."id"::text;
UPDATE "AuditEvent" a SET "subjectUserId" = i."customerUserId"
FROM "Invitation" i WHERE a."entityType" = 'Invitation' AND a."entityId" = i."id"::text AND i."customerUserId" IS NOT NULL;

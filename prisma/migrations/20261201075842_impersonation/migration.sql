-- AlterTable (rows from before this migration are treated as expired at once)
ALTER TABLE "Impersonation" ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "ticketHash" TEXT;
ALTER TABLE "Impersonation" ALTER COLUMN "expiresAt" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "Impersonation_ticketHash_key" ON "Impersonation"("ticketHash");

-- Data: sales managers support the customers they represent, so they may sign in as their users (new databases get
-- it from the seed's presets).
INSERT INTO "StaffRolePermission" ("roleId", "permission")
SELECT "id", 'customerUser.impersonate' FROM "StaffRole" WHERE "code" = 'SALES_MANAGER'
ON CONFLICT DO NOTHING;

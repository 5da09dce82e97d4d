-- CreateTable
CREATE TABLE "UserSession" (
    "id" SERIAL NOT NULL,
    "realm" "Realm" NOT NULL,
    "customerUserId" INTEGER,
    "staffUserId" INTEGER,
    "deviceHash" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_customerUserId_deviceHash_idx" ON "UserSession"("customerUserId", "deviceHash");

-- CreateIndex
CREATE INDEX "UserSession_staffUserId_deviceHash_idx" ON "UserSession"("staffUserId", "deviceHash");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_customerUserId_fkey" FOREIGN KEY ("customerUserId") REFERENCES "CustomerUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A session belongs to exactly one account, of its own realm.
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_owner_check" CHECK (
  ("realm" = 'CUSTOMER' AND "customerUserId" IS NOT NULL AND "staffUserId" IS NULL) OR
  ("realm" = 'STAFF' AND "staffUserId" IS NOT NULL AND "customerUserId" IS NULL));

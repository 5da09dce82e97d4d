-- AlterEnum
ALTER TYPE "LoginSource" ADD VALUE 'EMAIL_LINK';

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'SIGN_IN';

-- Data: the new staff permission for roles that already exist (new databases get it from the seed's presets).
INSERT INTO "StaffRolePermission" ("roleId", "permission")
SELECT "id", 'loginAttempt.clearLockout' FROM "StaffRole" WHERE "code" IN ('ADMINISTRATOR', 'SALES_MANAGER')
ON CONFLICT DO NOTHING;

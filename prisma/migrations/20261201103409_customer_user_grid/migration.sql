-- DropIndex
DROP INDEX "CustomerUser_authStatus_idx";

-- DropIndex
DROP INDEX "CustomerUser_confirmedAt_idx";

-- AlterTable
ALTER TABLE "CustomerUser" ADD COLUMN     "customerName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "customerSalesRepIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "websiteName" TEXT;

-- CreateIndex
CREATE INDEX "CustomerUser_confirmedAt_id_idx" ON "CustomerUser"("confirmedAt", "id");

-- CreateIndex
CREATE INDEX "CustomerUser_authStatus_id_idx" ON "CustomerUser"("authStatus", "id");

-- CreateIndex
CREATE INDEX "CustomerUser_customerName_id_idx" ON "CustomerUser"("customerName", "id");

-- CreateIndex
CREATE INDEX "CustomerUser_websiteName_id_idx" ON "CustomerUser"("websiteName", "id");

-- CreateIndex
CREATE INDEX "CustomerUser_customerSalesRepIds_idx" ON "CustomerUser" USING GIN ("customerSalesRepIds");

-- CreateIndex
CREATE INDEX "CustomerUser_searchText_trgm_idx" ON "CustomerUser" USING GIN ("searchText" gin_trgm_ops);

-- The copies the grid sorts and scopes by, for the rows that exist.
UPDATE "CustomerUser" u SET "customerName" = c."name" FROM "Customer" c WHERE c."id" = u."customerId";
UPDATE "CustomerUser" u SET "websiteName" = w."name" FROM "Website" w WHERE w."id" = u."websiteId";
UPDATE "CustomerUser" u
SET "customerSalesRepIds" = ARRAY(SELECT r."staffUserId" FROM "CustomerSalesRep" r WHERE r."customerId" = u."customerId" ORDER BY 1);
UPDATE "CustomerUser" SET "searchText" = lower("firstName" || ' ' || "lastName" || ' ' || "email");

-- Keeping the copies right is the database's job, so no code path (a service, a raw UPDATE, a cascade) can leave
-- one stale: a user's row takes its customer's name and sales representatives and its website's name whenever it
-- is written with a new customer or website (or someone writes a copy directly); a rename, and a change of a
-- customer's sales representatives, reach every user of that customer or website.
-- Concurrency: a user's row takes its customer's row FOR SHARE, a change of sales representatives takes it FOR NO
-- KEY UPDATE (a rename holds it already), so a user written during such a change waits and then sees it.
CREATE FUNCTION "customer_user_copies"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."customerName" := COALESCE((SELECT "name" FROM "Customer" WHERE "id" = NEW."customerId" FOR SHARE), '');
  NEW."customerSalesRepIds" := ARRAY(SELECT "staffUserId" FROM "CustomerSalesRep" WHERE "customerId" = NEW."customerId" ORDER BY 1);
  NEW."websiteName" := (SELECT "name" FROM "Website" WHERE "id" = NEW."websiteId" FOR SHARE);
  RETURN NEW;
END $$;

CREATE TRIGGER "CustomerUser_copies"
  BEFORE INSERT OR UPDATE OF "customerId", "websiteId", "customerName", "websiteName", "customerSalesRepIds" ON "CustomerUser"
  FOR EACH ROW EXECUTE FUNCTION "customer_user_copies"();

CREATE FUNCTION "customer_name_to_users"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CustomerUser" SET "customerName" = NEW."name" WHERE "customerId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Customer_name_to_users"
  AFTER UPDATE OF "name" ON "Customer"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "customer_name_to_users"();

CREATE FUNCTION "website_name_to_users"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CustomerUser" SET "websiteName" = NEW."name" WHERE "websiteId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Website_name_to_users"
  AFTER UPDATE OF "name" ON "Website"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "website_name_to_users"();

CREATE FUNCTION "sales_reps_to_users"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  customer_id integer;
BEGIN
  FOREACH customer_id IN ARRAY (CASE TG_OP
      WHEN 'INSERT' THEN ARRAY[NEW."customerId"]
      WHEN 'DELETE' THEN ARRAY[OLD."customerId"]
      ELSE ARRAY[OLD."customerId", NEW."customerId"] END) LOOP
    PERFORM 1 FROM "Customer" WHERE "id" = customer_id FOR NO KEY UPDATE;
    UPDATE "CustomerUser"
    SET "customerSalesRepIds" = ARRAY(SELECT "staffUserId" FROM "CustomerSalesRep" WHERE "customerId" = customer_id ORDER BY 1)
    WHERE "customerId" = customer_id;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "CustomerSalesRep_to_users"
  AFTER INSERT OR UPDATE OR DELETE ON "CustomerSalesRep"
  FOR EACH ROW EXECUTE FUNCTION "sales_reps_to_users"();

-- The free-text search reads one lower-cased column: the user's names and email, whenever they change.
CREATE FUNCTION "customer_user_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lower(NEW."firstName" || ' ' || NEW."lastName" || ' ' || NEW."email");
  RETURN NEW;
END $$;

CREATE TRIGGER "CustomerUser_search_text"
  BEFORE INSERT OR UPDATE OF "firstName", "lastName", "email", "searchText" ON "CustomerUser"
  FOR EACH ROW EXECUTE FUNCTION "customer_user_search_text"();

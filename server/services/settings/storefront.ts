import type { DbClient } from "../../db";

/**
 * The storefront's website: the default one (Roster serves one storefront; other websites are reached through
 * their own settings once they have a storefront of their own).
 */
export async function storefrontWebsite(db: DbClient) {
  return db.website.findFirst({
    where: { isDefault: true },
    select: { id: true, name: true, settings: true },
  });
}

/** The localizations enabled on a website, its default first. */
export async function websiteLocalizations(db: DbClient, websiteId: number | null) {
  if (!websiteId) return [];
  const rows = await db.websiteLocalization.findMany({
    where: { websiteId },
    select: { isDefault: true, localization: { select: { id: true, code: true, name: true } } },
    orderBy: [{ isDefault: "desc" }, { localizationId: "asc" }],
  });
  return rows.map((row) => ({ ...row.localization, isDefault: row.isDefault }));
}

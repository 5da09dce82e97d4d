import type { DbClient } from "../db";

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

/**
 * The language a visitor gets by default: an explicit `?lang=` when the website offers it, else the first match
 * of the browser's Accept-Language (by weight), else the website's default.
 */
export function preferredLocale(codes: { code: string; isDefault: boolean }[], lang: string | undefined, acceptLanguage: string | null) {
  const offered = (tag: string) => codes.find((c) => c.code === tag.toLowerCase() || tag.toLowerCase().startsWith(`${c.code}-`))?.code;
  if (lang && offered(lang)) return offered(lang)!;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) if (offered(tag)) return offered(tag)!;
  return codes.find((c) => c.isDefault)?.code ?? codes[0]?.code;
}

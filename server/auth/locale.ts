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

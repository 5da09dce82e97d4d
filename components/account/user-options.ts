/** The localizations of the website a user signs in to: the form asks for a preferred one when there are several. */
export function localizationsOf(
  options: { websites: { id: number; localizations: { id: number; name: string }[] }[] },
  websiteId: number | null,
) {
  return options.websites.find((w) => w.id === websiteId)?.localizations.map(({ id, name }) => ({ id, name })) ?? [];
}

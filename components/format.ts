/** Display helpers shared by both audiences. */
export function formatDate(value: Date | string | null | undefined) {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "2-digit" }).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined) {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(
    new Date(value),
  );
}

export function formatTime(value: Date | string) {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}

export function fullName(user: {
  namePrefix?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  nameSuffix?: string | null;
}) {
  return [user.namePrefix, user.firstName, user.middleName, user.lastName, user.nameSuffix].filter(Boolean).join(" ");
}

/** How records' values read on either side: an amount in its currency, the person who made the record. */

export function owner(person: { firstName: string; lastName: string } | null) {
  return person ? `${person.firstName} ${person.lastName}` : "(deleted user)";
}

export function money(amount: string, currency: string) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(Number(amount));
}

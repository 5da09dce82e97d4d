/** A person's record as the forms read it: name parts, birthday ("YYYY-MM-DD") and phone, null where unset. */
export type PersonRecord = {
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  birthday: string | null;
  phone: string | null;
};

/** The personal fields of a form (profile, a user's edit form in either audience): empty strings where unset. */
export function personValues(person: PersonRecord) {
  return {
    namePrefix: person.namePrefix ?? "",
    firstName: person.firstName,
    middleName: person.middleName ?? "",
    lastName: person.lastName,
    nameSuffix: person.nameSuffix ?? "",
    birthday: person.birthday ?? "",
    phone: person.phone ?? "",
  };
}

/**
 * A customer user's own details as a person (the General section of both user forms, the profile, the data export):
 * one list, so a new name field reaches every reader at once.
 */
export const personSelect = {
  email: true,
  namePrefix: true,
  firstName: true,
  middleName: true,
  lastName: true,
  nameSuffix: true,
  birthday: true,
  phone: true,
} as const;

import { z } from "zod";

/** The signed-in customer user as the account home and GET /api/v1/me show them. */
export const meOutput = z.object({
  id: z.number(),
  email: z.string(),
  namePrefix: z.string().nullable(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  nameSuffix: z.string().nullable(),
  lastLoginAt: z.date().nullable(),
  customer: z.object({ id: z.number(), name: z.string() }),
  website: z.object({ name: z.string() }).nullable(),
  roles: z.array(z.object({ id: z.number(), label: z.string(), customerId: z.number().nullable() })),
});

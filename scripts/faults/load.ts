import type { PrismaClient } from "../../server/generated/prisma/client";
import { raceCompany } from "../../server/test/companies";
import { Session, tally } from "./http";

/**
 * Load faults: many more parallel requests than the server has database connections, and bodies far larger than
 * any form sends. What the server answered is counted by status (a pool that runs dry should be 503 with
 * Retry-After, an oversize body 413; a 500 is a fault either way).
 *
 * The pool runs dry for certain: while the requests arrive, a transaction of the tool's own holds the company's
 * lock for `holdSeconds` (a long change, as a mass action over many users makes), so every save waits holding a
 * connection and the requests behind them find none free.
 */
export async function poolExhaustion(db: PrismaClient, base: string, parallel: number, holdSeconds = 5) {
  const staff = await new Session(base).signIn("staff", "admin@roster.test");
  const co = await raceCompany(db);
  const user = await db.customerUser.findUniqueOrThrow({
    where: { id: co.c.id },
    select: { version: true, firstName: true, lastName: true, email: true, customerId: true },
  });
  const save = {
    id: co.c.id,
    ...user,
    enabled: true,
    websiteId: null,
    birthday: "",
    phone: "",
    roleIds: [co.roles.buyer, co.roles.clerk.id],
  };
  const before = new Map(tally.statuses);
  let held = () => {};
  const holding = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" = ${co.customer.id} FOR NO KEY UPDATE`;
      held();
      await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
    },
    { timeout: (holdSeconds + 10) * 1000 },
  );
  await new Promise<void>((resolve) => (held = resolve));
  const started = Date.now();
  const seconds: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: parallel }, async (_, i) => {
      const answer = await (i % 2
        ? staff.query("admin.customerUsers.list", { limit: 50 })
        : staff.mutate("admin.customerUsers.update", { ...save, firstName: `Load ${i}` }));
      seconds.push((Date.now() - started) / 1000);
      return answer;
    }),
  );
  await holding;
  seconds.sort((a, b) => a - b);
  const statuses = [...new Set(answers.map((a) => a.status))]
    .sort()
    .map((status) => `${status} ${tally.count(status) - (before.get(status) ?? 0)}`);
  return {
    lines: [
      `${parallel} parallel requests (half saves of one user, half grid pages) while the company is locked for ${holdSeconds} s: ${statuses.join(", ")}; answered within ${seconds[Math.floor(seconds.length / 2)]!.toFixed(1)} s (median), ${seconds.at(-1)!.toFixed(1)} s (last)`,
    ],
  };
}

export async function oversizeBodies(base: string) {
  const anonymous = new Session(base);
  const staff = await new Session(base).signIn("staff", "admin@roster.test");
  const padding = (megabytes: number) => "x".repeat(megabytes * 1024 * 1024);
  const json = "application/json";
  const results = [
    [
      "anonymous, 20 MB to a public mutation",
      await anonymous.upload("/api/trpc/auth.register", json, JSON.stringify({ json: { padding: padding(20) } })),
    ],
    ["anonymous, 20 MB to /api/v1", await anonymous.upload("/api/v1/users", json, JSON.stringify({ padding: padding(20) }))],
    [
      "staff, a mutation padded with 10 MB",
      await staff.upload(
        "/api/trpc/admin.customerUsers.setEnabled",
        json,
        JSON.stringify({ json: { id: 1, enabled: true, padding: padding(10) } }),
      ),
    ],
  ] as const;
  return { lines: results.map(([what, answer]) => `${what}: ${answer.status}`) };
}

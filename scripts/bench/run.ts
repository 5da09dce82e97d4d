/**
 * `npm run bench`: Roster's performance figures at scale. A benchmark, not a test: it prints numbers, it passes
 * or fails nothing, and `npm test` does not run it.
 *
 *   DATABASE_URL     PostgreSQL server to use (a database `roster_bench` is created there and dropped after);
 *                    unset: an embedded PGlite database in a temporary directory
 *   BENCH_USERS      customer users to seed (default 1,000,000 on PostgreSQL, 100,000 on PGlite)
 *   BENCH_CUSTOMERS  customers to seed (default a tenth of the users)
 *   BENCH_RUNS       runs per measurement, after warm-up (default 25)
 *   BENCH_SECTIONS   comma-separated sections to run (default all): grid, authz, http
 *   BENCH_KEEP=1     keep the database afterwards (its location is printed)
 *   BENCH_REUSE=1    PostgreSQL: measure the database a BENCH_KEEP=1 run left, without seeding again
 *
 * Sections are functions of a BenchContext (the seeded database and the principals to act as); add one to
 * `sections` below.
 */
import os from "node:os";
import { loadStaffPrincipal } from "../../server/authz/access";
import type { BenchContext } from "./context";
import { heading } from "./measure";
import { seedBulk, seededCounts, type Seeded } from "./seed";
import { benchDatabase, openTarget, type Target } from "./target";
import { authorization } from "./sections/authorization";
import { customerUsersGrid } from "./sections/customerUsersGrid";
import { trpcOverHttp } from "./sections/trpcOverHttp";

const sections: { key: string; title: string; run: (ctx: BenchContext) => Promise<void> }[] = [
  { key: "grid", title: "Back office: Customer Users grid", run: customerUsersGrid },
  { key: "authz", title: "Authorization: effective grants and a SUBTREE-scoped list", run: authorization },
  { key: "http", title: "tRPC over HTTP vs the service it wraps", run: trpcOverHttp },
];

function intEnv(name: string, fallback: number) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer.`);
  return value;
}

async function principal(target: Target, email: string) {
  const user = await target.prisma.staffUser.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const loaded = await loadStaffPrincipal(target.prisma, { uid: user.id, sv: user.sessionVersion });
  if ("ended" in loaded) throw new Error(`${email} cannot act: ${loaded.ended}`);
  return loaded;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const users = intEnv("BENCH_USERS", url ? 1_000_000 : 100_000);
  const customers = intEnv("BENCH_CUSTOMERS", Math.max(10, Math.round(users / 10)));
  const runs = intEnv("BENCH_RUNS", 25);
  const wanted = process.env.BENCH_SECTIONS?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chosen = sections.filter((s) => !wanted || wanted.includes(s.key));

  heading("Roster benchmark");
  const reuse = process.env.BENCH_REUSE === "1";
  const target = await openTarget({ url, keep: process.env.BENCH_KEEP === "1", reuse });
  try {
    const [version] = await target.query<{ version: string }>("SELECT version()");
    console.log(`${target.kind === "postgresql" ? "PostgreSQL" : "PGlite (embedded)"}: ${version!.version}`);
    console.log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}`,
    );
    console.log(
      `Load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")} (figures from a busy machine are slower and noisier)`,
    );
    let seeded: Seeded;
    if (reuse) {
      seeded = await seededCounts(target);
      console.log(
        `Reusing ${benchDatabase}: ${seeded.users.toLocaleString("en-US")} customer users over ${seeded.customers.toLocaleString("en-US")} customers.`,
      );
    } else {
      console.log(`Seeding ${users.toLocaleString("en-US")} customer users over ${customers.toLocaleString("en-US")} customers:`);
      const started = performance.now();
      seeded = await seedBulk(target, { users, customers });
      console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    const ctx: BenchContext = {
      target,
      seeded,
      runs,
      admin: await principal(target, "admin@roster.test"),
      sales: await principal(target, "sales@roster.test"),
    };
    for (const section of chosen) {
      heading(section.title);
      await section.run(ctx);
    }
  } finally {
    await target.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

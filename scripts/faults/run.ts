/**
 * `npm run faults`: replays the faults of issue 15 against the production build on PostgreSQL and prints what it
 * counted. It makes a database of its own (roster_faults) on the server of DATABASE_URL, a fake Resend-compatible
 * provider and the server on loopback, then runs, in order: the company-rule races, parallel role assignments,
 * parallel saves against one version, a provider that hangs, a kill -9 during delivery (and a restart), a pool
 * run dry by parallel requests (the server restarted with FAULTS_POOL_ENV), and oversize bodies.
 *
 *   DATABASE_URL     PostgreSQL server (required; the role must be allowed to create databases)
 *   FAULTS_PORT      port of the server (default 3190)
 *   FAULTS_ROUNDS    rounds per race (default 10)
 *   FAULTS_POOL_ENV  settings for the pool phase, "NAME=value ..." (default "DATABASE_POOL_SIZE=2")
 *   FAULTS_KEEP      1 keeps the database afterwards
 */
import { postgresClient } from "../../server/db";
import { startFakeResend } from "../../server/test/fakeResend";
import { crashDuringDelivery, hungProvider, type ProviderControl } from "./email";
import { tally } from "./http";
import { oversizeBodies, poolExhaustion } from "./load";
import { invariantRaces, parallelAssignments, parallelSaves } from "./races";
import { BuiltServer, faultsDatabase } from "./server";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("npm run faults needs DATABASE_URL: a PostgreSQL server where it may create the database roster_faults.");
const port = Number(process.env.FAULTS_PORT ?? 3190);
const rounds = Number(process.env.FAULTS_ROUNDS ?? 10);
const poolEnv = Object.fromEntries(
  (process.env.FAULTS_POOL_ENV ?? "DATABASE_POOL_SIZE=2")
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split("=", 2) as [string, string]),
);

const control: ProviderControl = { behave: () => "answer", delayMs: 0 };
const provider = await startFakeResend(control);
const database = await faultsDatabase(serverUrl);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  AUTH_SECRET: "faults-only-secret-faults-only-secret-faults",
  RESEND_API_KEY: "re_faults",
  RESEND_BASE_URL: provider.url,
  OUTBOX_INTERVAL_SECONDS: "1",
  EMAIL_SEND_TIMEOUT_SECONDS: "2",
};
BuiltServer.build(env);
const server = new BuiltServer(port, env);
const db = postgresClient(database.url, { max: 4 });
const report: string[] = [];
const phase = async <T extends { lines: string[] }>(title: string, work: () => Promise<T>) => {
  const started = Date.now();
  console.log(`▶ ${title}`);
  const result = await work();
  report.push(`${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`, ...result.lines.map((line) => `  ${line}`));
  return result;
};

try {
  await server.start();
  const races = await phase("company-rule races", () => invariantRaces(db, server.base, rounds));
  const assignments = await phase("parallel role assignments", () => parallelAssignments(db, server.base, Math.max(3, rounds / 2)));
  const saves = await phase("parallel saves against one version", () => parallelSaves(db, server.base, rounds));
  const hang = await phase("a hung email provider", () => hungProvider(db, provider, control, 60));
  const crash = await phase("kill -9 during delivery", () => crashDuringDelivery(db, provider, control, server, 90));
  await server.stop();
  await server.start(poolEnv);
  await phase(
    `a pool run dry (${Object.entries(poolEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")})`,
    () => poolExhaustion(db, server.base, 200),
  );
  await server.stop();
  await server.start();
  await phase("oversize bodies", () => oversizeBodies(server.base));

  const statuses = [...tally.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  console.log(["", ...report, "", `every answer by status: ${statuses}`, ""].join("\n"));
  const summary: [string, string][] = [
    ["invariant violations", `${races.violations} (in ${races.races} races)`],
    ["misreported assignments", `${assignments.misreported}`],
    ["save rounds without exactly one winner", `${saves.wrong}`],
    ["lost emails", `${hang.lost + crash.lost} (of ${hang.sent + crash.sent})`],
    ["duplicated emails", `${hang.duplicated + crash.duplicated}`],
    ["500s", `${tally.count(500)}`],
    ["503s", `${tally.count(503)} (with Retry-After: ${tally.retryAfter})`],
    ["413s", `${tally.count(413)}`],
  ];
  for (const [what, value] of summary) console.log(`${what.padEnd(40)} ${value}`);
} finally {
  await server.stop();
  await db.$disconnect();
  await provider.close();
  if (process.env.FAULTS_KEEP === "1") console.log(`Kept the database ${database.url}`);
  else await database.drop();
}

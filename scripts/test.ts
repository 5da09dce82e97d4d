/**
 * `npm test`: the whole suite, as CI runs it. Type check, lint, the format check (Prettier), unit and router tests
 * (embedded database, or PostgreSQL when DATABASE_URL is set), then the browser journeys in Chromium against the
 * production build.
 * On a machine without Chromium, installs Debian's (these machines run as root) rather than asking you to.
 */
import { existsSync } from "node:fs";
import { ensureBuild, run } from "./lib/build";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${chromium}: install Debian's package "chromium" (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the browser tests…");
  run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
}

const steps: [string, () => void][] = [
  ["type check", () => run("npx", ["tsc", "--noEmit"])],
  ["lint", () => run("npx", ["eslint", "."])],
  ["format", () => run("npx", ["prettier", "--check", "."])],
  ["unit and router tests", () => run("npx", ["vitest", "run"])],
  ["production build", () => ensureBuild()],
  ["browser journeys", () => run("npx", ["playwright", "test"])],
];
for (const [name, step] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  step();
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    max = Math.max(max, newest(path.join(p, entry.name)));
  }
  return max;
}

/** True when there is no production build or a source is newer than it. */
export function buildIsStale() {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "server",
    "components",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.mjs",
    "package.json",
    "postcss.config.mjs",
  ];
  return sources.some((p) => newest(path.join(root, p)) > built);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function ensureBuild(env: NodeJS.ProcessEnv = process.env) {
  if (buildIsStale()) run("npx", ["next", "build"], env);
}

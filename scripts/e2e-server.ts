/**
 * The server Playwright tests run against: the production build on a fresh embedded database (or a fresh
 * PostgreSQL database when E2E_DATABASE_URL is given), seeded with the demo data.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild, root, run } from "./lib/build";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PGLITE_DIR: path.join(root, ".data/e2e"),
  AUTH_SECRET: "e2e-only-secret-e2e-only-secret-e2e-only",
  APP_URL: `http://127.0.0.1:${E2E_PORT}`,
  DATABASE_URL: process.env.E2E_DATABASE_URL,
};
if (!env.DATABASE_URL) delete env.DATABASE_URL;

rmSync(env.PGLITE_DIR!, { recursive: true, force: true });
ensureBuild(env);
run("npx", ["tsx", "scripts/db.ts", "setup"], env);
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

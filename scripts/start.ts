/**
 * `npm start`: Roster on the embedded database (or DATABASE_URL) with demo data, in one command.
 * Builds when the build is missing or older than the sources, migrates and seeds in a process of its own (PGlite
 * allows one owner at a time), then serves with `next start`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ensureBuild, root, run } from "./lib/build";

const port = process.env.PORT ?? "3000";
const env: NodeJS.ProcessEnv = { ...process.env };

if (!env.AUTH_SECRET) {
  const file = path.join(root, ".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
env.APP_URL ??= `http://localhost:${port}`;

ensureBuild(env);
run("npx", ["tsx", "scripts/db.ts", "setup"], env);
run("npx", ["tsx", "scripts/db.ts", "logins"], env);

const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { databaseUrlFor } from "../../server/test/template";
import { ensureBuild, root, run } from "../lib/build";

/** The tool's own database on the PostgreSQL server of DATABASE_URL, made afresh, migrated and seeded. */
export async function faultsDatabase(serverUrl: string, name = "roster_faults") {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = databaseUrlFor(serverUrl, name);
  run("npx", ["tsx", "scripts/db.ts", "setup"], { ...process.env, DATABASE_URL: url });
  return {
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The production build served by `next start` on loopback, as one process (so kill -9 hits the server itself).
 * `extraEnv` adds settings for one phase (a tiny pool, say).
 */
export class BuiltServer {
  private child: ChildProcess | null = null;
  readonly base: string;

  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  static build(env: NodeJS.ProcessEnv) {
    ensureBuild(env);
  }

  async start(extraEnv: Record<string, string> = {}) {
    const next = path.join(root, "node_modules/next/dist/bin/next");
    const child = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(this.port)], {
      cwd: root,
      env: { ...this.env, ...extraEnv, APP_URL: this.base },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
    this.child = child;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${this.base}/login`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("The server did not come up within a minute");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Ends the server at once, as a crash would: no shutdown, no cleanup. */
  async kill9() {
    await this.stop("SIGKILL");
  }

  async stop(signal: NodeJS.Signals = "SIGTERM") {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

import { z } from "zod";

/**
 * The validated environment: the only place that reads process.env. Everything is optional for a first run on
 * the embedded database; production sets DATABASE_URL, AUTH_SECRET, APP_URL and RESEND_API_KEY.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** postgres://... selects PostgreSQL; unset means the embedded PGlite database under PGLITE_DIR. */
  DATABASE_URL: z.url().optional(),
  /** "false" behind a connection pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21). */
  DATABASE_PREPARED_STATEMENTS: z.stringbool().default(true),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** Secret for session JWTs; scripts/start.ts creates one under .data/ when unset. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public origin of the app (no path), used in email links and the same-origin check. */
  APP_URL: z.url().default("http://localhost:3000"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().default("Roster <no-reply@roster.local>"),
  /** Seconds between outbox delivery runs inside the server process. */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().positive().default(5),
  /**
   * Seconds an email provider has to answer one send before it counts as failed (and is retried later with the
   * same idempotency key). At most 40: a dead process's claims are picked up this long plus 20 s after it claimed.
   */
  EMAIL_SEND_TIMEOUT_SECONDS: z.coerce.number().positive().max(40).default(10),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = load();

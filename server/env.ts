import { z } from "zod";
import { compileTrust } from "./clientAddress";

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
  /** Connections each server process keeps to PostgreSQL at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** How long a request waits for a free connection (or a new one) before it is answered 503 with Retry-After. */
  DATABASE_POOL_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(5),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** Secret for session JWTs; scripts/start.ts creates one under .data/ when unset. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public origin of the app (no path), used in email links and the same-origin check. */
  APP_URL: z.url().default("http://localhost:3000"),
  /**
   * The proxies in front of the app whose X-Forwarded-For/-Host/-Proto are believed: empty (nobody: the socket's
   * address counts), a hop count, or addresses and CIDR ranges (and loopback, linklocal, uniquelocal), comma-separated.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine((value) => {
      try {
        compileTrust(value);
        return true;
      } catch {
        return false;
      }
    }, "a hop count, or addresses and CIDR ranges separated by commas"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().default("Roster <no-reply@roster.local>"),
  /** The largest request body /api/trpc, /api/v1 and /api/oauth/token read, in bytes; larger ones are refused with 413. */
  REQUEST_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
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

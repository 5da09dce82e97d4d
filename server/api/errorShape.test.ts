import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "../db";
import { AppError, notFound, retryAfterSeconds } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { runProcedure } from "./action";
import { invalidInputMessage, unexpectedErrorMessage } from "./errorShape";
import { API_PREFIX, serveOpenApi } from "./rest";
import { createCallerFactory, createTRPCRouter, publicProcedure, type Context } from "./trpc";

/**
 * One table of failures, each answered through the three faces a procedure has: /api/trpc (the errorFormatter),
 * a server action (runProcedure) and /api/v1 (rest.ts). Every face must read the same code, message and field
 * errors, and /api/v1 the status besides; a face that shapes on its own fails here.
 */

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(`Prisma ${code}`, { code, clientVersion: "test", meta });

type Expected = { code: string; status: number; message: string; fieldErrors?: Record<string, string[]> };
type Row = { name: string; input?: object; throws?: () => unknown; expected: Expected };

const valid = { name: "Ada", age: 36 };
const rows: Row[] = [
  {
    name: "input the schema refuses",
    input: { name: "A", age: -1 },
    expected: {
      code: "BAD_REQUEST",
      status: 400,
      message: invalidInputMessage,
      fieldErrors: { name: ["Too short."], age: ["Too young."] },
    },
  },
  {
    name: "a domain refusal with field errors",
    throws: () => new AppError("CONFLICT", "Taken.", { fieldErrors: { email: ["Taken."] } }),
    expected: { code: "CONFLICT", status: 409, message: "Taken.", fieldErrors: { email: ["Taken."] } },
  },
  {
    name: "a domain NOT_FOUND",
    throws: () => notFound("Customer"),
    expected: { code: "NOT_FOUND", status: 404, message: "Customer not found." },
  },
  {
    name: "a TRPCError thrown as is",
    throws: () => new TRPCError({ code: "FORBIDDEN", message: "Not yours." }),
    expected: { code: "FORBIDDEN", status: 403, message: "Not yours." },
  },
  {
    name: "a unique violation",
    throws: () => prismaError("P2002", { modelName: "CustomerUser", target: ["email"] }),
    expected: {
      code: "CONFLICT",
      status: 409,
      message: "This email is already in use.",
      fieldErrors: { email: ["This email is already in use."] },
    },
  },
  {
    name: "a missing record",
    throws: () => prismaError("P2025"),
    expected: { code: "NOT_FOUND", status: 404, message: "Record not found." },
  },
  {
    name: "a missing reference",
    throws: () => prismaError("P2003"),
    expected: { code: "BAD_REQUEST", status: 400, message: "A referenced record does not exist." },
  },
  {
    name: "the pool had no connection in time",
    throws: () => new Error("timeout exceeded when trying to connect"),
    expected: {
      code: "SERVICE_UNAVAILABLE",
      status: 503,
      message: "Roster is very busy or cannot reach its database right now. Please try again in a few seconds.",
    },
  },
  {
    name: "anything else",
    throws: () => new Error("secret detail: relation users"),
    expected: { code: "INTERNAL_SERVER_ERROR", status: 500, message: unexpectedErrorMessage },
  },
  {
    name: "a schema failing inside the handler (our bug, not the user's input)",
    throws: () => z.object({ stored: z.string() }).parse({ stored: 1 }),
    expected: { code: "INTERNAL_SERVER_ERROR", status: 500, message: unexpectedErrorMessage },
  },
];

const input = z.object({ row: z.string(), name: z.string().min(2, "Too short."), age: z.number().min(0, "Too young.") });

const router = createTRPCRouter({
  fail: publicProcedure
    .meta({ openapi: { method: "POST", path: "/fail" } })
    .input(input)
    .output(z.null())
    .mutation(({ input }) => {
      const row = rows.find((candidate) => candidate.name === input.row);
      throw row?.throws ? row.throws() : new Error(`no failure for ${input.row}`);
    }),
});

const contextFor = (source: Context["source"], headers = new Headers()): Context => ({
  db: {} as Db,
  source,
  headers,
  requestOrigin: "http://roster.test",
  defer: async (work) => void (await work()),
  staff: async () => null,
  customer: async () => null,
});

/** What a face answered; a server action has no status of its own. */
type Answer = Omit<Expected, "status" | "code"> & { code?: string; status?: number; retryAfter?: string | null };
const withFieldErrors = (fieldErrors: unknown) => (fieldErrors ? { fieldErrors: fieldErrors as Record<string, string[]> } : {});

const faces = {
  async trpc(body) {
    const headers = new Headers({ "content-type": "application/json", origin: "http://roster.test" });
    const req = new Request("http://roster.test/api/trpc/fail", { method: "POST", headers, body: JSON.stringify({ json: body }) });
    const response = await fetchRequestHandler({ endpoint: "/api/trpc", req, router, createContext: () => contextFor("http", headers) });
    const error = (await response.json()).error.json;
    return { code: error.data.code, status: response.status, message: error.message, ...withFieldErrors(error.data.fieldErrors) };
  },
  async action(body) {
    const result = await runProcedure(() => createCallerFactory(router)(contextFor("server")).fail(body as z.infer<typeof input>));
    if (result.ok) throw new Error("the procedure succeeded");
    return { code: result.code, message: result.message, ...withFieldErrors(result.fieldErrors) };
  },
  async api(body) {
    const headers = new Headers({ "content-type": "application/json" });
    const req = new Request(`http://roster.test${API_PREFIX}/fail`, { method: "POST", headers, body: JSON.stringify(body) });
    const response = await serveOpenApi(router, req, contextFor("api", headers));
    const { error } = await response.json();
    return { ...error, status: response.status, retryAfter: response.headers.get("retry-after") };
  },
} satisfies Record<string, (body: object) => Promise<Answer>>;

afterEach(() => vi.restoreAllMocks());

describe.each(Object.keys(faces) as (keyof typeof faces)[])("through %s", (face) => {
  it.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { retryAfter, ...answer } = await faces[face]({ ...valid, ...row.input, row: row.name });
    const { status, ...expected } = row.expected;
    expect(answer).toEqual(face === "action" ? expected : { ...expected, status });
    if (face === "api") expect(retryAfter).toBe(row.expected.status === 503 ? String(retryAfterSeconds) : null);
    // The unexpected is logged once, with its detail, and only the log has it.
    expect(log).toHaveBeenCalledTimes(row.expected.code === "INTERNAL_SERVER_ERROR" ? 1 : 0);
    expect(JSON.stringify(answer)).not.toContain("secret");
  });
});

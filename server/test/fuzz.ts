import { afterAll, beforeAll, vi } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { appRouter } from "../api/root";
import type { Meta } from "../api/trpc";
import { inputArbitrary } from "./arbitrary";

/**
 * The fuzz runs' common part (server/api/fuzz*.test.ts): the procedures, the inputs for each, and the calls that
 * answered 5xx with what the server logged for them. FUZZ_RUNS (inputs per procedure) widens a run, FUZZ_SEED
 * replays one; a failure names its seed.
 */
export const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 20);
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

export type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[]; meta?: Meta } };
export const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** `fuzzRuns` inputs for a procedure, from its own input schema. */
export const inputsFor = (procedure: Procedure, emails: readonly string[]) =>
  fc.sample(inputArbitrary(procedure._def.inputs[0], { emails }), { numRuns: fuzzRuns, seed: fuzzSeed });

/** An error as one line: its kind and the last line of its message (where Prisma says what went wrong). */
function oneLine(value: unknown) {
  if (!(value instanceof Error)) return String(value);
  const code = (value as { code?: unknown }).code;
  const last =
    value.message
      .split("\n")
      .filter((line) => line.trim())
      .at(-1)
      ?.trim() ?? "";
  return `${value.name}${typeof code === "string" ? ` ${code}` : ""}: ${last.slice(0, 200)}`;
}

const show = (input: unknown) => {
  const text = JSON.stringify(input, (_key, value) => (typeof value === "bigint" ? `${value}n` : value)) ?? "undefined";
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

export type Failure = { status: number; input: string; logged: string[] };

/**
 * Sends inputs one by one and returns the calls answered 5xx (with what the server logged meanwhile: the cause
 * behind a masked 500) and the statuses seen. Prints a summary of every 5xx by cause when the file is done.
 */
export function fuzzer() {
  let logged: string[] = [];
  let calls = 0;
  const found: string[] = [];
  beforeAll(() => {
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(oneLine).join(" "));
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    const causes = new Map<string, number>();
    for (const cause of found) causes.set(cause, (causes.get(cause) ?? 0) + 1);
    console.log(
      `[fuzz] ${calls} calls, ${found.length} answered 5xx (FUZZ_SEED=${fuzzSeed}, FUZZ_RUNS=${fuzzRuns})`,
      [...causes].sort((a, b) => b[1] - a[1]),
    );
  });
  return async function fuzz(inputs: unknown[], call: (input: unknown) => Promise<number>) {
    const failures: Failure[] = [];
    const statuses = new Set<number>();
    for (const input of inputs) {
      logged = [];
      calls++;
      const status = await call(input);
      statuses.add(status);
      // PGlite answers without ever leaving the microtask queue: give the event loop a turn, or the test runner's
      // own messages to this worker wait behind the whole run and time out.
      await new Promise((resolve) => setImmediate(resolve));
      if (status < 500) continue;
      failures.push({ status, input: show(input), logged });
      found.push((logged.at(-1) ?? `status ${status}`).replace(/\d+/g, "N").slice(0, 160));
    }
    return { failures, statuses };
  };
}

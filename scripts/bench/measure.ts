/** Timing and printing helpers of the benchmark. */

export type Timing = { median: number; p90: number; samples: number };

/**
 * How long each measurement warms up and samples. A server answers thousands of requests with hot code: a handful of
 * rounds times the JIT and Prisma's query compiler still warming (twice the steady figure for a 1 ms call), so quick
 * work runs more rounds than `runs`, until it has taken about `sampleMs` (at most `maxRounds`).
 */
const warmUpMs = 300;
const sampleMs = 1_000;
const maxRounds = 500;

function summary(list: number[]): Timing {
  list.sort((a, b) => a - b);
  return {
    median: list[Math.floor(list.length / 2)]!,
    p90: list[Math.min(list.length - 1, Math.floor(list.length * 0.9))]!,
    samples: list.length,
  };
}

/** Runs `work` until warm (3 rounds, then up to 300 ms), then at least `runs` times; the median and 90th percentile in ms. */
export async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  return (await timeTogether(runs, [work]))[0]!;
}

/**
 * Times several pieces of work taking turns (a, b, c, b, c, a, ...) so that a busy machine slows them alike: warm-up
 * rounds (at least 3, then until 300 ms have passed), then at least `runs` rounds and more until about a second has
 * passed (at most 500); the median and 90th percentile of each, in ms.
 */
export async function timeTogether(runs: number, works: (() => Promise<unknown>)[]): Promise<Timing[]> {
  const warmStart = performance.now();
  for (let round = 0; round < 3 || (performance.now() - warmStart < warmUpMs && round < maxRounds); round++) {
    for (const work of works) await work();
  }
  const samples = works.map(() => [] as number[]);
  const sampleStart = performance.now();
  for (let round = 0; round < runs || (performance.now() - sampleStart < sampleMs && round < maxRounds); round++) {
    // Each round starts one further along, so that every work follows every other as often: what ran just before
    // (a connection of the pool, or the hand-written SQL's own) leaves caches and processes warm or cold.
    for (let i = 0; i < works.length; i++) {
      const k = (round + i) % works.length;
      const started = performance.now();
      await works[k]!();
      samples[k]!.push(performance.now() - started);
    }
  }
  return samples.map(summary);
}

/** How the medians below a table were taken (see timeTogether). */
export const sampling = (runs: number) =>
  `Medians of at least ${runs} runs each (quick work more: about a second of it, at most ${maxRounds}), taking turns, after warm-up`;

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** Prints rows as an aligned table; numbers (and anything ending in "ms" or "x") are right-aligned. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const right = (cell: string) => /^[\d.,<>~ -]+( ms|x|%)?$/.test(cell) || /ms$|x$/.test(cell);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

export function heading(title: string) {
  console.log(`\n${title}\n${"=".repeat(title.length)}`);
}

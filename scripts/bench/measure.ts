/** Timing and printing helpers of the benchmark. */

export type Timing = { median: number; p90: number };

/** Runs `work` a few times to warm caches and plans, then `runs` times; the median and 90th percentile in ms. */
export async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(3, runs); i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p90: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.9))]! };
}

/**
 * Times several pieces of work taking turns (a, b, c, a, b, c, ...) so that a busy machine slows them alike, after
 * a few warm-up rounds; the median and 90th percentile of each, in ms.
 */
export async function timeTogether(runs: number, works: (() => Promise<unknown>)[]): Promise<Timing[]> {
  for (let i = 0; i < Math.min(3, runs); i++) for (const work of works) await work();
  const samples = works.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, work] of works.entries()) {
      const started = performance.now();
      await work();
      samples[k]!.push(performance.now() - started);
    }
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(list.length / 2)]!, p90: list[Math.min(list.length - 1, Math.floor(list.length * 0.9))]! };
  });
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** Prints rows as an aligned table; numbers (and anything ending in "ms" or "x") are right-aligned. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const right = (cell: string) => /^[\d.,<>~ -]+( ms|x|%)?$/.test(cell) || /ms$|x$/.test(cell);
  const line = (cells: string[]) =>
    cells.map((c, i) => (right(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

export function heading(title: string) {
  console.log(`\n${title}\n${"=".repeat(title.length)}`);
}

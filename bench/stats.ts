/** Median and spread of repeated timings, in milliseconds. */
export interface Measure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: number[]): Measure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: samples.length };
}

export const round = (n: number) => Math.round(n * 100) / 100;

export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** `fn` timed `runs` times after `warmup` untimed runs; `before` runs untimed before each run. */
export async function repeat(runs: number, fn: () => unknown | Promise<unknown>, warmup = 1, before?: () => unknown): Promise<Measure> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    samples.push(await time(fn));
  }
  return summarise(samples);
}

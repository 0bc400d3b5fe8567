/** Latency summaries: nearest-rank percentiles over the samples, in milliseconds, rounded to 0.1 ms. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : NaN);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    mean: round(sorted.length ? mean : NaN),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : NaN),
  };
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight; stops early when `until()` says so. */
export async function pool(total: number, concurrency: number, task: (i: number) => Promise<void>, until: () => boolean = () => false): Promise<number> {
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < total && !until()) {
      const i = next++;
      await task(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return done;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

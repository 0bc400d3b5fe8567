import { performance } from 'node:perf_hooks';
import { complaintBody, drainBacklog, tally, type BenchContext } from './lib/context';
import { round1, summarize, type LatencySummary } from './lib/stats';

export interface IntakeLevel {
  concurrency: number;
  requests: number;
  statuses: Record<string, number>;
  seconds: number;
  /** 201s per second while the load ran. */
  acceptedPerSecond: number;
  latencyMs: LatencySummary;
  /** After the load stopped: until the worker had registered and admitted every case (row written, deadline set). */
  drainSeconds: number;
  drained: boolean;
  /** Cases accepted and projected per second, drain included: what the whole system sustains. */
  projectedPerSecond: number;
}

/** (a) POST /api/v1/complaints at each concurrency level for a fixed time; the backlog is drained between levels. */
export async function runIntake(ctx: BenchContext, levels: number[], seconds: number): Promise<IntakeLevel[]> {
  const results: IntakeLevel[] = [];
  let serial = 0;
  for (const concurrency of levels) {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const stopAt = started + seconds * 1000;
    const lane = async () => {
      while (performance.now() < stopAt) {
        const i = serial++;
        try {
          const res = await ctx.http.call('POST', '/api/v1/complaints', { body: complaintBody(i), headers: { 'idempotency-key': `bench-${ctx.runId}-intake-${i}` } });
          tally(statuses, res.status);
          if (res.status === 201) {
            ctx.created++;
            latencies.push(res.ms);
          }
        } catch (error) {
          tally(statuses, (error as Error).message.slice(0, 40));
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    const elapsed = (performance.now() - started) / 1000;
    const drain = await drainBacklog(ctx, 600_000);
    const accepted = latencies.length;
    const level: IntakeLevel = {
      concurrency,
      requests: Object.values(statuses).reduce((a, b) => a + b, 0),
      statuses,
      seconds: round1(elapsed),
      acceptedPerSecond: round1(accepted / elapsed),
      latencyMs: summarize(latencies),
      drainSeconds: round1(drain.seconds),
      drained: drain.drained,
      projectedPerSecond: round1(accepted / (elapsed + drain.seconds)),
    };
    ctx.log(`intake c=${concurrency}: ${level.acceptedPerSecond}/s accepted, p50 ${level.latencyMs.p50} ms, p99 ${level.latencyMs.p99} ms, drain ${level.drainSeconds} s`);
    results.push(level);
  }
  return results;
}

import { performance } from 'node:perf_hooks';
import { withFloorWorker } from './floor';
import { floorWorkflow } from './floor.workflow';
import { tally, type BenchContext } from './lib/context';
import { round1, round2, summarize, type LatencySummary } from './lib/stats';
import type { IntakeLevel } from './intake';

export interface StartFloorLevel {
  concurrency: number;
  started: number;
  failures: Record<string, number>;
  seconds: number;
  startsPerSecond: number;
  latencyMs: LatencySummary;
  /** Intake's accepted/s at the same concurrency over this level's starts/s. */
  intakeRatio?: number;
}

export interface StartFloorResult {
  levels: StartFloorLevel[];
  bundleSeconds: number;
}

/**
 * The start-only floor next to intake: bare `workflow.start` of a workflow that ends at once (the floor
 * workflow with no Updates), at each concurrency level of intake and for as long, straight from this
 * process to the same Temporal server. Intake does this start too, behind HTTP, validation and its
 * database row; the ratio says how much of the start's capacity the API keeps.
 */
export async function runStartFloor(ctx: BenchContext, levels: number[], seconds: number, intake: IntakeLevel[] = []): Promise<StartFloorResult> {
  return withFloorWorker(ctx, 'start-floor', async ({ client, taskQueue }, bundleSeconds) => {
    const results: StartFloorLevel[] = [];
    let serial = 0;
    for (const concurrency of levels) {
      const latencies: number[] = [];
      const failures: Record<string, number> = {};
      const started = performance.now();
      const stopAt = started + seconds * 1000;
      const lane = async () => {
        while (performance.now() < stopAt) {
          const t0 = performance.now();
          try {
            await client.workflow.start(floorWorkflow, { taskQueue, workflowId: `${taskQueue}-${serial++}`, args: [0] });
            latencies.push(performance.now() - t0);
          } catch (error) {
            tally(failures, (error as Error).message.slice(0, 80));
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      const elapsed = (performance.now() - started) / 1000;
      const startsPerSecond = round1(latencies.length / elapsed);
      const same = intake.find((l) => l.concurrency === concurrency);
      const level: StartFloorLevel = {
        concurrency,
        started: latencies.length,
        failures,
        seconds: round1(elapsed),
        startsPerSecond,
        latencyMs: summarize(latencies),
        intakeRatio: same && startsPerSecond > 0 ? round2(same.acceptedPerSecond / startsPerSecond) : undefined,
      };
      ctx.log(`start floor c=${concurrency}: ${startsPerSecond}/s, p50 ${level.latencyMs.p50} ms, p99 ${level.latencyMs.p99} ms${level.intakeRatio !== undefined ? `, intake/floor ${level.intakeRatio}` : ''}`);
      results.push(level);
    }
    return { levels: results, bundleSeconds: round1(bundleSeconds) };
  });
}

/** Intake's best accepted rate over the start floor's best rate, whatever concurrency each reached it at. */
export function intakeToStartFloorRatio(intake: IntakeLevel[], floor: StartFloorResult): number | undefined {
  const best = (xs: number[]) => Math.max(0, ...xs);
  const floorBest = best(floor.levels.map((l) => l.startsPerSecond));
  return floorBest > 0 ? round2(best(intake.map((l) => l.acceptedPerSecond)) / floorBest) : undefined;
}

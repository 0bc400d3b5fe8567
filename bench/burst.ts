import { performance } from 'node:perf_hooks';
import { complaintBody, drainBacklog, tally, type BenchContext } from './lib/context';
import { pool, round1, sleep } from './lib/stats';

export const BURST_CATEGORY = 'RANKING_ABUSE';

export interface BurstResult {
  asked: number;
  filed: number;
  statuses: Record<string, number>;
  /** Filing and admission (deadlines computed) of every case, as fast as the API and the worker take them. */
  seedSeconds: number;
  seedConcurrency: number;
  policy: { category: string; timeUnit: 'MINUTE'; acceptanceMinutes: number; warnAfterSeconds: number };
  /** Warnings that came due (and were written) before the worker stopped: the seeding took longer than planned. */
  warnedBeforeHold: number;
  /** From the first to the last warning instant of the batch; no worker runs until the last has passed. */
  dueSpreadSeconds: number;
  /** From the old worker's stop to the new one's launch. */
  stoppedSeconds: number;
  /** The new worker's start-up until it polled (bundling the workflows included); not counted. */
  workerStartSeconds: number;
  /** Warnings due when the new worker began polling (= cases open in the batch), and written by the end. */
  due: number;
  written: number;
  /** From the new worker's first poll until the bench saw the last warning row in MySQL (polled every 250 ms). */
  escalatedSeconds: number;
  /** From the first poll until the latest `occurred_at` among the warnings (the workflow's clock as it acted). */
  lastOccurredSeconds: number;
  /** Warning rows visible after 10, 30, 60 and 120 s. */
  writtenAfter: Record<string, number>;
  /** DEADLINE_MISSED rows of the batch written in the same window (deadlines that came due while it drained). */
  missedDuringBurst: number;
  timedOut: boolean;
}

export interface BurstOptions {
  cases: number;
  concurrency: number;
  /** Cases the system registers and admits per second (from intake): sizes the policy so seeding ends before the first warning. */
  expectedSeedRate: number;
  /** Overrides the ACCEPTANCE minutes the seeding rate would choose. */
  minutes?: number;
  timeoutSeconds: number;
  /** Stops the worker, runs `between`, starts a new worker; resolves when it polls. */
  restartWorker(between: () => Promise<void>): Promise<{ stoppedSeconds: number; startSeconds: number }>;
}

/**
 * (g) A burst of escalations: `cases` complaints under a MINUTE policy are filed as fast as they go and
 * admitted, then the worker is stopped while every one of their warnings comes due, and a new one started
 * after the last: for the worker all of them are due at the same instant, as working-day deadlines are at
 * Beijing midnight. Measured: time from its first poll until every DEADLINE_WARNING row is written. The new
 * worker's cache is empty, so each case also replays its (short) history once. (Holding the worker with
 * SIGSTOP instead kept its cache, but Node did not always survive the resumption.)
 */
export async function runBurst(ctx: BenchContext, options: BurstOptions): Promise<BurstResult> {
  // The first warning (at 2/3 of ACCEPTANCE) must come due after the last case is admitted: a quarter more
  // than the expected seeding time, plus half a minute. Every minute more is a minute of waiting; the
  // deadlines of the first cases (at the full ACCEPTANCE) may then come due while the burst drains (counted).
  const expectedSeedSeconds = options.cases / Math.max(1, options.expectedSeedRate);
  const minutes = options.minutes ?? Math.max(2, Math.ceil(((1.25 * expectedSeedSeconds + 30) * 1.5) / 60));
  const published = await ctx.http.call('POST', '/api/v1/admin/sla-policies', {
    token: ctx.tokens.admin,
    body: {
      category: BURST_CATEGORY,
      terms: {
        timeUnit: 'MINUTE',
        durations: { ACCEPTANCE: minutes, DISPATCH: 1, INVESTIGATION: 5, SIGN: 1, RECTIFICATION: 15, REVIEW: 3, FEEDBACK: 2 },
        revisitWindow: 7,
        maxRectification: 30,
        maxExtension: 15,
        // As far past the deadline as a policy allows: the burst measures the warnings.
        supervisionGrace: 29,
        referralGrace: 30,
        referralAcknowledge: 5,
        referralConclude: 30,
      },
    },
  });
  if (published.status !== 201 && published.status !== 200) throw new Error(`publishing the burst policy failed: ${published.status} ${JSON.stringify(published.body)}`);

  const statuses: Record<string, number> = {};
  let filed = 0;
  const seedStarted = performance.now();
  await pool(options.cases, options.concurrency, async (i) => {
    try {
      const res = await ctx.http.call('POST', '/api/v1/complaints', { body: complaintBody(i, { category: BURST_CATEGORY }), headers: { 'idempotency-key': `bench-${ctx.runId}-burst-${i}` } });
      tally(statuses, res.status);
      if (res.status === 201) {
        filed++;
        ctx.created++;
      }
    } catch (error) {
      tally(statuses, (error as Error).message.slice(0, 40));
    }
  });
  await drainBacklog(ctx, 1_800_000);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const count = async (type: string): Promise<number> => {
    const [[row]] = (await ctx.db.query(`SELECT COUNT(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.category = ? AND e.type = ?`, [BURST_CATEGORY, type])) as unknown as [[{ n: number | string }]];
    return Number(row.n);
  };
  let warnedBeforeHold = 0;
  let missedBefore = 0;
  let bounds: { firstWarn: Date | null; lastWarn: Date | null; n: number | string } = { firstWarn: null, lastWarn: null, n: 0 };
  const { stoppedSeconds, startSeconds } = await options.restartWorker(async () => {
    warnedBeforeHold = await count('DEADLINE_WARNING');
    missedBefore = await count('DEADLINE_MISSED');
    [[bounds]] = (await ctx.db.query(`SELECT MIN(warn_at) AS firstWarn, MAX(warn_at) AS lastWarn, COUNT(*) AS n FROM cases WHERE category = ? AND status = 'OPEN' AND warned = 0`, [BURST_CATEGORY])) as unknown as [[typeof bounds]];
    ctx.log(`burst: ${filed} cases filed and admitted in ${round1(seedSeconds)} s (policy ${minutes} min); worker stopped until ${bounds.n} warnings are due (${bounds.lastWarn?.toISOString()})`);
    const lastWarn = bounds.lastWarn?.getTime() ?? Date.now();
    while (Date.now() < lastWarn + 1000) await sleep(Math.min(1000, lastWarn + 1000 - Date.now()));
  });
  const due = Number(bounds.n);
  const resumedAt = Date.now();
  const expected = warnedBeforeHold + due;
  const writtenAfter: Record<string, number> = {};
  const marks = [10, 30, 60, 120];
  let written = warnedBeforeHold;
  let seenAllAt: number | null = null;
  while (Date.now() - resumedAt < options.timeoutSeconds * 1000) {
    written = await count('DEADLINE_WARNING');
    const elapsed = (Date.now() - resumedAt) / 1000;
    for (const mark of marks) if (elapsed >= mark && writtenAfter[`${mark}s`] === undefined) writtenAfter[`${mark}s`] = written - warnedBeforeHold;
    if (written >= expected) {
      seenAllAt = Date.now();
      break;
    }
    await sleep(250);
  }
  const [[last]] = (await ctx.db.query(`SELECT MAX(e.occurred_at) AS lastAt FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.category = ? AND e.type = 'DEADLINE_WARNING'`, [BURST_CATEGORY])) as unknown as [[{ lastAt: Date | null }]];
  const result: BurstResult = {
    asked: options.cases,
    filed,
    statuses,
    seedSeconds: round1(seedSeconds),
    seedConcurrency: options.concurrency,
    policy: { category: BURST_CATEGORY, timeUnit: 'MINUTE', acceptanceMinutes: minutes, warnAfterSeconds: Math.round((minutes * 60 * 2) / 3) },
    warnedBeforeHold,
    dueSpreadSeconds: round1(((bounds.lastWarn?.getTime() ?? 0) - (bounds.firstWarn?.getTime() ?? 0)) / 1000),
    stoppedSeconds: round1(stoppedSeconds),
    workerStartSeconds: round1(startSeconds),
    due,
    written: written - warnedBeforeHold,
    escalatedSeconds: round1(((seenAllAt ?? Date.now()) - resumedAt) / 1000),
    lastOccurredSeconds: round1(((last.lastAt?.getTime() ?? resumedAt) - resumedAt) / 1000),
    writtenAfter,
    missedDuringBurst: (await count('DEADLINE_MISSED')) - missedBefore,
    timedOut: seenAllAt === null,
  };
  ctx.log(`burst: ${result.written}/${due} warnings written ${result.timedOut ? `by the timeout (${options.timeoutSeconds} s)` : `in ${result.escalatedSeconds} s`} after the new worker began polling`);
  return result;
}

import { performance } from 'node:perf_hooks';
import { complaintBody, drainBacklog, tally, type BenchContext } from './lib/context';
import { pool, round1, sleep, summarize, type LatencySummary } from './lib/stats';

export const TIMER_CATEGORY = 'EXCESSIVE_TRACE';
const TYPES = ['DEADLINE_WARNING', 'DEADLINE_MISSED'] as const;
type EventType = (typeof TYPES)[number];

export interface TimerKindResult {
  expected: number;
  fired: number;
  /** occurred_at (the workflow's clock when it acted on the timer) minus the instant it was due. */
  latenessMs: LatencySummary & { min: number };
  /** When the bench's poller first saw the row in MySQL, minus the instant: what a dashboard could show, +-poll interval. */
  visibleLatenessMs: LatencySummary;
}

export interface TimerResult {
  cases: number;
  filed: number;
  filingStatuses: Record<string, number>;
  filingSeconds: number;
  filingConcurrency: number;
  policy: { category: string; timeUnit: 'MINUTE'; acceptanceMinutes: number; warnAfterSeconds: number; deadlineAfterSeconds: number };
  /** Cases still OPEN with a running deadline when the first warning came due. */
  openWhenFirstWarningDue: number;
  pollIntervalMs: number;
  warning: TimerKindResult;
  missed: TimerKindResult;
  waitedSeconds: number;
}

interface Seen {
  id: string;
  seenAt: number;
}

/**
 * (d) Escalation timers under load: a MINUTE policy for one category, N complaints in it left alone,
 * then each DEADLINE_WARNING / DEADLINE_MISSED row compared with the instant it was due (cases.warn_at / deadline_at).
 */
export async function runTimers(ctx: BenchContext, cases: number, concurrency: number, minutes: number): Promise<TimerResult> {
  const published = await ctx.http.call('POST', '/api/v1/admin/sla-policies', {
    token: ctx.tokens.admin,
    body: {
      category: TIMER_CATEGORY,
      terms: {
        timeUnit: 'MINUTE',
        durations: { ACCEPTANCE: minutes, DISPATCH: 1, INVESTIGATION: 5, SIGN: 1, RECTIFICATION: 15, REVIEW: 3, FEEDBACK: 2 },
        revisitWindow: 7,
        maxRectification: 30,
        maxExtension: 15,
        // Far past the run: only the warning and the reminder fire while the bench watches.
        supervisionGrace: 29,
        referralGrace: 30,
        referralAcknowledge: 5,
        referralConclude: 30,
      },
    },
  });
  if (published.status !== 201 && published.status !== 200) throw new Error(`publishing the MINUTE policy failed: ${published.status} ${JSON.stringify(published.body)}`);

  // The poller notes when each escalation row first becomes visible. Rows are read by primary key from a
  // watermark that lags 15 s, so a transaction that took an id early but committed late is still caught.
  const pollIntervalMs = 250;
  const seen = new Map<string, Seen>();
  const watermarks: Array<{ at: number; maxId: number }> = [];
  const [[{ startId }]] = (await ctx.db.query('SELECT COALESCE(MAX(id), 0) AS startId FROM case_events')) as unknown as [[{ startId: string | number }]];
  let maxId = Number(startId);
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const lagging = watermarks.find((w) => w.at > Date.now() - 15_000)?.maxId ?? Number(startId);
      const [rows] = await ctx.db.query(`SELECT id FROM case_events WHERE id > ? AND type IN (?, ?) ORDER BY id`, [Math.min(lagging, maxId), ...TYPES]);
      const now = Date.now();
      for (const row of rows as Array<{ id: string | number }>) {
        const id = String(row.id);
        if (!seen.has(id)) seen.set(id, { id, seenAt: now });
      }
      const [[top]] = (await ctx.db.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM case_events')) as unknown as [[{ maxId: string | number }]];
      maxId = Number(top.maxId);
      watermarks.push({ at: now, maxId });
      while (watermarks.length > 0 && watermarks[0].at < now - 20_000) watermarks.shift();
      await sleep(pollIntervalMs);
    }
  })();

  const filingStatuses: Record<string, number> = {};
  let filed = 0;
  const filingStarted = performance.now();
  await pool(cases, concurrency, async (i) => {
    try {
      const res = await ctx.http.call('POST', '/api/v1/complaints', {
        body: complaintBody(i, { category: TIMER_CATEGORY }),
        headers: { 'idempotency-key': `bench-${ctx.runId}-timer-${i}` },
      });
      tally(filingStatuses, res.status);
      if (res.status === 201) {
        filed++;
        ctx.created++;
      }
    } catch (error) {
      tally(filingStatuses, (error as Error).message.slice(0, 40));
    }
  });
  const filingSeconds = (performance.now() - filingStarted) / 1000;
  ctx.log(`timers: ${filed} complaints filed in ${round1(filingSeconds)} s; waiting for their warnings and reminders`);

  // Every filed case must be admitted (deadline computed) before the last instant is known.
  await drainBacklog(ctx, 600_000);
  const [[bounds]] = (await ctx.db.query(
    `SELECT MIN(warn_at) AS firstWarn, MAX(deadline_at) AS lastDeadline, COUNT(*) AS n FROM cases WHERE category = ? AND status = 'OPEN'`,
    [TIMER_CATEGORY],
  )) as unknown as [[{ firstWarn: Date | null; lastDeadline: Date | null; n: number }]];
  const [[openAtFirst]] = (await ctx.db.query(`SELECT COUNT(*) AS n FROM cases WHERE category = ? AND status = 'OPEN' AND created_at <= ?`, [TIMER_CATEGORY, bounds.firstWarn])) as unknown as [[{ n: number }]];

  const waitStarted = Date.now();
  const hardStop = (bounds.lastDeadline?.getTime() ?? Date.now()) + 120_000;
  while (seen.size < filed * TYPES.length && Date.now() < hardStop) await sleep(500);
  if (seen.size < filed * TYPES.length) await sleep(2000); // one more look for stragglers
  polling = false;
  await poller;
  const waitedSeconds = (Date.now() - waitStarted) / 1000;

  const [rows] = await ctx.db.query(
    `SELECT e.id, e.type,
            TIMESTAMPDIFF(MICROSECOND, IF(e.type = 'DEADLINE_WARNING', c.warn_at, c.deadline_at), e.occurred_at) / 1000 AS lateMs,
            IF(e.type = 'DEADLINE_WARNING', c.warn_at, c.deadline_at) AS dueAt
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.category = ? AND e.type IN (?, ?)`,
    [TIMER_CATEGORY, ...TYPES],
  );
  const late: Record<EventType, number[]> = { DEADLINE_WARNING: [], DEADLINE_MISSED: [] };
  const visible: Record<EventType, number[]> = { DEADLINE_WARNING: [], DEADLINE_MISSED: [] };
  for (const row of rows as Array<{ id: string | number; type: EventType; lateMs: string | number; dueAt: Date }>) {
    late[row.type].push(Number(row.lateMs));
    const s = seen.get(String(row.id));
    if (s) visible[row.type].push(s.seenAt - row.dueAt.getTime());
  }
  const kind = (type: EventType): TimerKindResult => ({
    expected: filed,
    fired: late[type].length,
    latenessMs: { ...summarize(late[type]), min: late[type].length ? round1(Math.min(...late[type])) : NaN },
    visibleLatenessMs: summarize(visible[type]),
  });
  const result: TimerResult = {
    cases,
    filed,
    filingStatuses,
    filingSeconds: round1(filingSeconds),
    filingConcurrency: concurrency,
    policy: { category: TIMER_CATEGORY, timeUnit: 'MINUTE', acceptanceMinutes: minutes, warnAfterSeconds: Math.round((minutes * 60 * 2) / 3), deadlineAfterSeconds: minutes * 60 },
    openWhenFirstWarningDue: Number(openAtFirst.n),
    pollIntervalMs,
    warning: kind('DEADLINE_WARNING'),
    missed: kind('DEADLINE_MISSED'),
    waitedSeconds: round1(waitedSeconds),
  };
  ctx.log(
    `timers: warnings ${result.warning.fired}/${filed} p50 ${result.warning.latenessMs.p50} ms p99 ${result.warning.latenessMs.p99} ms max ${result.warning.latenessMs.max} ms; ` +
      `reminders ${result.missed.fired}/${filed} p50 ${result.missed.latenessMs.p50} ms p99 ${result.missed.latenessMs.p99} ms max ${result.missed.latenessMs.max} ms`,
  );
  return result;
}

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
  /** Background: complaints under the category's working-day policy, left open through the measurement. */
  openCases: { asked: number; filed: number; statuses: Record<string, number>; seconds: number; concurrency: number };
  /** Probes: complaints under the MINUTE policy, filed at a steady rate, whose escalations are measured. */
  cases: number;
  filed: number;
  filingStatuses: Record<string, number>;
  filingSeconds: number;
  probesPerSecond: number;
  policy: { category: string; timeUnit: 'MINUTE'; acceptanceMinutes: number; warnAfterSeconds: number; deadlineAfterSeconds: number };
  /** Cases OPEN (background and probes) when the first warning came due. */
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

/** The background cases' category: its default policy counts working days, so nothing of theirs fires during the run. */
export const OPEN_CASES_CATEGORY = 'FORCED_USE';

export interface TimerOptions {
  openCases: number;
  concurrency: number;
  probes: number;
  probesPerSecond: number;
  minutes: number;
}

/**
 * (d) Escalation timers with many cases open: `openCases` complaints are filed and left open (their
 * deadlines are working days away), then `probes` complaints under a MINUTE policy are filed at a steady
 * rate, and each of their DEADLINE_WARNING / DEADLINE_MISSED rows is compared with the instant it was due
 * (cases.warn_at / deadline_at). Escalations then come due at about the probe rate, as they would spread
 * over a working day; filing every case at once instead (probes = many, rate = high) measures a burst.
 */
export async function runTimers(ctx: BenchContext, options: TimerOptions): Promise<TimerResult> {
  const { openCases, concurrency, probes: cases, probesPerSecond, minutes } = options;
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

  const file = async (i: number, category: string, key: string, statuses: Record<string, number>): Promise<boolean> => {
    try {
      const res = await ctx.http.call('POST', '/api/v1/complaints', { body: complaintBody(i, { category }), headers: { 'idempotency-key': `bench-${ctx.runId}-${key}-${i}` } });
      tally(statuses, res.status);
      if (res.status !== 201) return false;
      ctx.created++;
      return true;
    } catch (error) {
      tally(statuses, (error as Error).message.slice(0, 40));
      return false;
    }
  };

  const openStatuses: Record<string, number> = {};
  let openFiled = 0;
  const openStarted = performance.now();
  await pool(openCases, concurrency, async (i) => {
    if (await file(i, OPEN_CASES_CATEGORY, 'open', openStatuses)) openFiled++;
  });
  await drainBacklog(ctx, 1_800_000);
  const openSeconds = (performance.now() - openStarted) / 1000;
  ctx.log(`timers: ${openFiled} open cases filed and admitted in ${round1(openSeconds)} s; filing ${cases} probes at ${probesPerSecond}/s`);

  const filingStatuses: Record<string, number> = {};
  let filed = 0;
  const filingStarted = performance.now();
  // Paced: probe i goes out at i / rate seconds, so their deadlines come due at the same steady rate.
  await pool(cases, Math.max(1, Math.ceil(probesPerSecond)) * 4, async (i) => {
    const due = filingStarted + (i * 1000) / probesPerSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    if (await file(i, TIMER_CATEGORY, 'timer', filingStatuses)) filed++;
  });
  const filingSeconds = (performance.now() - filingStarted) / 1000;
  ctx.log(`timers: ${filed} probes filed in ${round1(filingSeconds)} s; waiting for their warnings and reminders`);

  // Every filed case must be admitted (deadline computed) before the last instant is known.
  await drainBacklog(ctx, 600_000);
  const [[bounds]] = (await ctx.db.query(
    `SELECT MIN(warn_at) AS firstWarn, MAX(deadline_at) AS lastDeadline, COUNT(*) AS n FROM cases WHERE category = ? AND status = 'OPEN'`,
    [TIMER_CATEGORY],
  )) as unknown as [[{ firstWarn: Date | null; lastDeadline: Date | null; n: number }]];
  const [[openAtFirst]] = (await ctx.db.query(`SELECT COUNT(*) AS n FROM cases WHERE status = 'OPEN' AND created_at <= ?`, [bounds.firstWarn])) as unknown as [[{ n: number }]];

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
    openCases: { asked: openCases, filed: openFiled, statuses: openStatuses, seconds: round1(openSeconds), concurrency },
    cases,
    filed,
    filingStatuses,
    filingSeconds: round1(filingSeconds),
    probesPerSecond,
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

import { performance } from 'node:perf_hooks';
import { complaintBody, tally, type BenchContext, type BenchUser } from './lib/context';
import type { HttpResult } from './lib/http';
import { pool, round1, round2, sleep, summarize, type LatencySummary } from './lib/stats';

/** The eight Updates of a case after its start, in order, as the README walks them with curl. */
export const LIFECYCLE_ACTIONS = ['accept', 'dispatch', 'finding', 'sign', 'submit-rectification', 'approve-rectification', 'reply', 'evaluation'] as const;
type Step = 'complaint' | (typeof LIFECYCLE_ACTIONS)[number];

export interface LifecycleResult {
  cases: number;
  concurrency: number;
  closed: number;
  failed: number;
  failures: Record<string, number>;
  seconds: number;
  casesPerSecond: number;
  /** HTTP requests per second (a complaint and eight actions per case, retries not counted). */
  requestsPerSecond: number;
  /** Complaint to CLOSED, per case. */
  caseLatencyMs: LatencySummary;
  stepLatencyMs: Record<Step, LatencySummary>;
  /** `accept` answered 404 (no case row yet) or 409 ("still being registered") and was retried every 25 ms. */
  acceptRetries: number;
  /** From the complaint's 201 until the first `accept` that went through: until the worker had registered and admitted the case. */
  admittedAfterMs: LatencySummary;
}

export const isNotYetThere = (res: { status: number; body: any }): boolean =>
  res.status === 404 || (res.status === 409 && /still being registered/.test(String(res.body?.message)));

export interface CaseReceipt {
  caseId: string;
  caseNo: string;
  accessCode: string;
}

/** The eight requests that walk a Guangzhou case from SUBMITTED to CLOSED, in order, as the README does with curl. */
export function caseSteps(ctx: BenchContext, { caseId, caseNo, accessCode }: CaseReceipt): Array<[(typeof LIFECYCLE_ACTIONS)[number], () => Promise<HttpResult>]> {
  const act = (user: BenchUser, action: string, body: unknown = {}) => ctx.http.call('POST', `/api/v1/cases/${caseId}/${action}`, { token: ctx.tokens[user], body });
  return [
    ['accept', () => act('handler', 'accept', { note: '符合受理条件' })],
    ['dispatch', () => act('handler', 'dispatch', { investigatingOrgId: ctx.orgs.gzOffice, hostUnitId: ctx.orgs.gzHost })],
    ['finding', () => act('handler', 'finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有强制打卡接龙' })],
    ['sign', () => act('operator', 'sign')],
    ['submit-rectification', () => act('operator', 'submit-rectification', { plan: '取消打卡接龙', evidence: ['整改通知'] })],
    ['approve-rectification', () => act('supervisor', 'approve-rectification')],
    ['reply', () => act('handler', 'reply', { content: '已责令取消打卡接龙要求。' })],
    ['evaluation', () => ctx.http.call('POST', `/api/v1/public/cases/${caseNo}/evaluation`, { body: { accessCode, satisfaction: 'SATISFIED' } })],
  ];
}

/** (b) Full cases through the HTTP API, complaint to CLOSED with a SATISFIED evaluation. */
export async function runLifecycle(ctx: BenchContext, cases: number, concurrency: number, label = 'lifecycle'): Promise<LifecycleResult> {
  const caseMs: number[] = [];
  const stepMs = Object.fromEntries((['complaint', ...LIFECYCLE_ACTIONS] as Step[]).map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const failures: Record<string, number> = {};
  let acceptRetries = 0;
  const visibleMs: number[] = [];

  const oneCase = async (i: number) => {
    const t0 = performance.now();
    const created = await ctx.http.call('POST', '/api/v1/complaints', { body: complaintBody(i, { guangzhou: true }), headers: { 'idempotency-key': `bench-${ctx.runId}-${label}-${i}` } });
    if (created.status !== 201) return tally(failures, `complaint ${created.status}`);
    ctx.created++;
    stepMs.complaint.push(created.ms);
    const steps = caseSteps(ctx, created.body as CaseReceipt);
    let last: { status: string } | undefined;
    const answered = performance.now();
    for (const [step, send] of steps) {
      let sentAt = performance.now();
      let res = await send();
      // The case row is written by the workflow's first activity a moment after the 201 (404 until then),
      // and the workflow refuses actions until it has admitted the case (409): a handler would see it in a list first.
      for (let tries = 0; step === 'accept' && isNotYetThere(res) && tries < 1200; tries++) {
        acceptRetries++;
        await sleep(25);
        sentAt = performance.now();
        res = await send();
      }
      if (step === 'accept') visibleMs.push(sentAt - answered);
      if (res.status !== 200) return tally(failures, `${step} ${res.status}: ${String(res.body?.message ?? '').slice(0, 80)}`);
      stepMs[step].push(res.ms);
      last = res.body as { status: string };
    }
    if (last?.status !== 'CLOSED') return tally(failures, `not CLOSED after evaluation: ${last?.status}`);
    caseMs.push(performance.now() - t0);
  };

  const started = performance.now();
  await pool(cases, concurrency, async (i) => {
    try {
      await oneCase(i);
    } catch (error) {
      tally(failures, (error as Error).message.slice(0, 80));
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const closed = caseMs.length;
  const result: LifecycleResult = {
    cases,
    concurrency,
    closed,
    failed: cases - closed,
    failures,
    seconds: round1(seconds),
    casesPerSecond: round2(closed / seconds),
    requestsPerSecond: round1((closed * (1 + LIFECYCLE_ACTIONS.length)) / seconds),
    caseLatencyMs: summarize(caseMs),
    stepLatencyMs: Object.fromEntries(Object.entries(stepMs).map(([step, samples]) => [step, summarize(samples)])) as Record<Step, LatencySummary>,
    acceptRetries,
    admittedAfterMs: summarize(visibleMs),
  };
  ctx.log(`${label}: ${closed}/${cases} closed in ${result.seconds} s = ${result.casesPerSecond} cases/s, case p50 ${result.caseLatencyMs.p50} ms`);
  return result;
}

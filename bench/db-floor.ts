import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { ConfigModule } from '../libs/config/src/config.module';
import { DatabaseModule } from '../libs/database/src/database.module';
import type { CaseState, CaseWorkflowInput, TimelineEntry } from '../libs/domain/src';
import { CaseProjectionWriter } from '../libs/projection/src/case-projection.writer';
import { ProjectionModule } from '../libs/projection/src/projection.module';
import { complaintBody, type BenchContext } from './lib/context';
import { pool, round1, round2, sleep, summarize, type LatencySummary } from './lib/stats';
import { caseSteps, isNotYetThere, type CaseReceipt } from './lifecycle';

export interface DbFloorResult {
  cases: number;
  concurrency: number;
  written: number;
  failures: Record<string, number>;
  /** MySQL transactions per case: the registration and one per decision of the template case. */
  transactionsPerCase: number;
  /** Timeline events and decisions of the template case, as the workflow wrote them. */
  eventsPerCase: number;
  seconds: number;
  casesPerSecond: number;
  transactionsPerSecond: number;
  caseLatencyMs: LatencySummary;
  transactionLatencyMs: LatencySummary;
}

/** One decision of the template case: the workflow's state after it and the timeline entries it wrote. */
interface Decision {
  state: CaseState;
  entries: TimelineEntry[];
  firstSeq: number;
}

interface Template {
  caseId: string;
  caseNo: string;
  input: CaseWorkflowInput;
  decisions: Decision[];
}

@Module({ imports: [ConfigModule, DatabaseModule, ProjectionModule] })
class DbFloorModule {}

/**
 * The database floor: what a full case costs MySQL alone. One case is walked through the API as in the
 * lifecycle phase, and after each step its decision is recorded (the workflow's state from the `caseState`
 * query, the timeline entries from `case_events`). Then `cases` copies of it are written, at the lifecycle's
 * concurrency, by the project's own projection writer (case row, timeline, counters, statistics, audit
 * records), one transaction per decision as the worker writes them, with no Temporal in between.
 * Lifecycle over this floor is what durable execution through Temporal costs on top of the storage.
 */
export async function runDbFloor(ctx: BenchContext, temporal: Client, env: NodeJS.ProcessEnv, cases: number, concurrency: number): Promise<DbFloorResult> {
  const template = await captureTemplate(ctx, temporal);
  // The writers read their settings (the bench database) from the environment, as in the worker.
  for (const key of ['DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASSWORD', 'DB_NAME', 'JWT_SECRET', 'INTAKE_SECRET', 'PII_KEYS', 'PII_ACTIVE_KEY_ID', 'NODE_ENV'] as const) process.env[key] = env[key];
  const app = await NestFactory.createApplicationContext(DbFloorModule, { logger: ['error'] });
  const writer = app.get(CaseProjectionWriter);
  const caseMs: number[] = [];
  const txMs: number[] = [];
  const failures: Record<string, number> = {};
  const timed = async <T>(write: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await write();
    txMs.push(performance.now() - t0);
    return result;
  };
  try {
    const started = performance.now();
    await pool(cases, concurrency, async (i) => {
      const t0 = performance.now();
      try {
        const copy = copier(template, randomUUID(), `DB${ctx.runId}${i}`.slice(0, 32));
        await timed(() => writer.register({ ...copy(template.input), submittedAt: new Date().toISOString() }));
        for (const decision of template.decisions) await timed(() => writer.project(copy(decision.state), decision.entries, decision.firstSeq, new Date()));
        caseMs.push(performance.now() - t0);
      } catch (error) {
        const key = (error as Error).message.slice(0, 80);
        failures[key] = (failures[key] ?? 0) + 1;
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const transactionsPerCase = 1 + template.decisions.length;
    const result: DbFloorResult = {
      cases,
      concurrency,
      written: caseMs.length,
      failures,
      transactionsPerCase,
      eventsPerCase: template.decisions.reduce((n, d) => n + d.entries.length, 1),
      seconds: round1(seconds),
      casesPerSecond: round2(caseMs.length / seconds),
      transactionsPerSecond: round1(txMs.length / seconds),
      caseLatencyMs: summarize(caseMs),
      transactionLatencyMs: summarize(txMs),
    };
    ctx.log(`database floor: ${result.written}/${cases} cases in ${result.seconds} s = ${result.casesPerSecond} cases/s (${transactionsPerCase} transactions each), transaction p50 ${result.transactionLatencyMs.p50} ms`);
    return result;
  } finally {
    await app.close();
  }
}

/** Replaces the template's case id and number everywhere in a value (the state names them in places). */
function copier(template: Template, caseId: string, caseNo: string): <T>(value: T) => T {
  return <T>(value: T): T => JSON.parse(JSON.stringify(value).split(template.caseId).join(caseId).split(template.caseNo).join(caseNo)) as T;
}

async function captureTemplate(ctx: BenchContext, temporal: Client): Promise<Template> {
  const created = await ctx.http.call('POST', '/api/v1/complaints', { body: complaintBody(0, { guangzhou: true }), headers: { 'idempotency-key': `bench-${ctx.runId}-db-floor-template` } });
  if (created.status !== 201) throw new Error(`database floor: the template complaint answered ${created.status}`);
  ctx.created++;
  const receipt = created.body as CaseReceipt;
  const handle = temporal.workflow.getHandle(`case-${receipt.caseId}`);
  const history = await handle.fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error('database floor: the template workflow has no input');
  const input = defaultPayloadConverter.fromPayload<CaseWorkflowInput>(payload);

  const decisions: Decision[] = [];
  let lastSeq = 1; // the registration writes SUBMITTED
  // The decision is complete when the row is at the workflow's revision (the projection is written).
  const record = async (revisionAfter: number) => {
    for (let tries = 0; ; tries++) {
      const state = await handle.query<CaseState>('caseState');
      const [rows] = await ctx.db.query('SELECT revision FROM cases WHERE id = ?', [receipt.caseId]);
      const revision = Number((rows as Array<{ revision: number }>)[0]?.revision ?? -1);
      if (state.revision > revisionAfter && revision === state.revision) {
        const [events] = await ctx.db.query('SELECT seq, type, note, is_public, actor_user_id, actor_role FROM case_events WHERE case_id = ? AND seq > ? ORDER BY seq', [receipt.caseId, lastSeq]);
        const entries = (events as Array<{ seq: number; type: string; note: string | null; is_public: number; actor_user_id: number | null; actor_role: string | null }>).map((e) => ({
          type: e.type,
          note: e.note,
          isPublic: Boolean(e.is_public),
          actor: e.actor_role ? { userId: e.actor_user_id === null ? null : Number(e.actor_user_id), role: e.actor_role, organizationId: null } : null,
        })) as TimelineEntry[];
        decisions.push({ state, entries, firstSeq: lastSeq + 1 });
        lastSeq += entries.length;
        return state.revision;
      }
      if (tries > 400) throw new Error(`database floor: the template case did not settle at revision > ${revisionAfter}`);
      await sleep(25);
    }
  };
  let revision = await record(0); // admission: deadline set, case visible
  for (const [step, send] of caseSteps(ctx, receipt)) {
    let res = await send();
    for (let tries = 0; step === 'accept' && isNotYetThere(res) && tries < 400; tries++) {
      await sleep(25);
      res = await send();
    }
    if (res.status !== 200) throw new Error(`database floor: template ${step} answered ${res.status} ${JSON.stringify(res.body)}`);
    revision = await record(revision);
  }
  return { caseId: receipt.caseId, caseNo: receipt.caseNo, input, decisions };
}

import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, OrganizationEntity } from '@app/database';
import { addCounts, factCounts, initialCaseState, STAT_COUNTERS, zeroCounts, type CaseFacts, type CaseState, type DeadlineKind, type TimelineEntry } from '@app/domain';
import { CaseProjectionWriter } from '@app/projection';
import { startWorkerApp } from '../support/stack';

// A district no other test files cases in.
const REGION = '440112';
const iso = (at: number) => new Date(at).toISOString();
const entry = (type: string): TimelineEntry => ({ type, note: null, isPublic: true, actor: null });

/**
 * The statistics the real projection writer keeps in the case row's transaction: the facts row, the rollups
 * moved with each revision (and not again on a retried or stale write), and the rollups always equal to the
 * sum of every case's facts.
 */
describe('case statistics in the projection', () => {
  let worker: INestApplicationContext;
  let db: DataSource;
  let writer: CaseProjectionWriter;
  let hostUnit: number;

  const rollup = async (): Promise<Record<string, number>> => {
    const [row] = await db.query(`SELECT ${STAT_COUNTERS.map((c) => `SUM(${c}) AS ${c}`).join(', ')} FROM case_stat_rollups WHERE region_code = ?`, [REGION]);
    return Object.fromEntries(STAT_COUNTERS.map((c) => [c, Number(row[c] ?? 0)]));
  };

  beforeAll(async () => {
    worker = await startWorkerApp();
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    writer = worker.get(CaseProjectionWriter);
    hostUnit = (await db.getRepository(OrganizationEntity).findOneByOrFail({ kind: 'HOST_UNIT', regionCode: '440100' })).id;
  });

  afterAll(async () => {
    await worker?.close();
    await db?.destroy();
  });

  it('moves a case through the rollups once per revision, to its host unit once named', async () => {
    const caseId = randomUUID();
    const submittedAt = Date.now() - 3 * 86_400_000;
    const input = { caseId, caseNo: `FT-STAT-${caseId.slice(0, 8)}`, source: 'COMPLAINT' as const, category: 'TASK_DUMPING' as const, subjectType: 'WORK_GROUP' as const, subjectName: '统计测试群', regionCode: REGION, description: '统计测试', anonymous: true, complainant: null, accessCodeHash: 'h', severity: null, submittedAt: iso(submittedAt) };
    await writer.register(input);
    let state: CaseState = { ...initialCaseState(input), seq: 1 };
    const write = async (change: Partial<CaseState>, kind: DeadlineKind | null, types: string[]) => {
      state = {
        ...state,
        ...change,
        deadline: kind ? { kind, amount: 2, startedAt: iso(submittedAt), warnAt: iso(submittedAt + 1), deadlineAt: iso(Date.now() + 86_400_000), supervisionAt: iso(Date.now() + 2 * 86_400_000), referralAt: iso(Date.now() + 5 * 86_400_000) } : null,
        seq: state.seq + types.length,
        revision: state.revision + 1,
      };
      await writer.project(state, types.map(entry), state.seq - types.length + 1, new Date());
      return state;
    };

    await write({}, 'ACCEPTANCE', []);
    await write({ step: 'ACCEPTED' }, 'DISPATCH', ['ACCEPTED']);
    const dispatched = await write({ step: 'INVESTIGATING', hostUnitId: hostUnit }, 'INVESTIGATION', ['DISPATCHED']);
    const before = await rollup();
    // A retried write and a stale one change nothing.
    await writer.project(dispatched, [], dispatched.seq + 1, new Date());
    await writer.project({ ...dispatched, revision: dispatched.revision - 1, step: 'ACCEPTED' }, [], dispatched.seq + 1, new Date());
    expect(await rollup()).toEqual(before);
    expect(before).toMatchObject({ cases: 1, accepted: 1, open: 1, done_acceptance: 1, on_time_acceptance: 1, done_dispatch: 1, on_time_dispatch: 1, done_investigation: 0 });

    await write({ step: 'FEEDBACK', findingResult: 'UNSUBSTANTIATED' }, 'FEEDBACK', ['FINDING_RECORDED']);
    await write({ step: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED' }, null, ['REPLIED', 'CLOSED']);
    const [row] = await db.query('SELECT host_unit_id, facts FROM case_facts WHERE case_id = ?', [caseId]);
    const facts: CaseFacts = typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts;
    expect(Number(row.host_unit_id)).toBe(hostUnit);
    // Submitted three calendar days ago: at most three working days, at least one unless they were days off.
    expect(facts).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED', replied: true, hostUnitId: hostUnit });
    expect(facts.handlingDays).toBeGreaterThanOrEqual(0);
    expect(facts.handlingDays).toBeLessThanOrEqual(3);
    expect(await rollup()).toEqual(factCounts(facts));
    // Nothing stays under the case's first key (no host unit yet): the share moved, not copied.
    const [unnamed] = await db.query('SELECT COALESCE(SUM(cases), 0) AS n FROM case_stat_rollups WHERE region_code = ? AND host_unit_id = 0', [REGION]);
    expect(Number(unnamed.n)).toBe(0);
    const [days] = await db.query('SELECT days, cases FROM case_stat_handling_days WHERE region_code = ?', [REGION]);
    expect([Number(days.days), Number(days.cases)]).toEqual([facts.handlingDays, 1]);
  });

  it('keeps the rollups equal to the sum of every case’s facts', async () => {
    const rows: Array<{ facts: string | CaseFacts }> = await db.query('SELECT facts FROM case_facts');
    const expected = rows.reduce((sum, r) => addCounts(sum, factCounts(typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts)), zeroCounts());
    const [row] = await db.query(`SELECT ${STAT_COUNTERS.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM case_stat_rollups`);
    expect(Object.fromEntries(STAT_COUNTERS.map((c) => [c, Number(row[c])]))).toEqual(expected);
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { initialCaseState, STAT_COUNTERS, STEP_RULES, type CaseState, type CaseWorkflowInput, type Decision } from '@app/domain';
import { CaseDecisionWriter, CaseProjectionWriter, NotificationWriter } from '@app/projection';
import { SlaPolicyService } from '@app/sla';
import { startWorkerApp } from '../support/stack';

// A district no other test files cases in; its cases go to the Guangzhou office, which has users to notify.
const REGION = '440113';

/**
 * One decision, one transaction (libs/projection CaseDecisionWriter) on the real database: the timeline,
 * the case row, the statistics, the audit records and the notices of a decision commit together or not
 * at all, and a retry after a commit writes none of them again.
 */
describe('a case decision in one transaction', () => {
  let worker: INestApplicationContext;
  let db: DataSource;
  let decisions: CaseDecisionWriter;

  beforeAll(async () => {
    worker = await startWorkerApp();
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    decisions = worker.get(CaseDecisionWriter);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await worker?.close();
    await db?.destroy();
  });

  /** A registered case, as the workflow holds it after registration. */
  async function registeredCase(): Promise<CaseState> {
    const caseId = randomUUID();
    const input: CaseWorkflowInput = { caseId, caseNo: `FT-DEC-${caseId.slice(0, 8)}`, source: 'COMPLAINT', category: 'TASK_DUMPING', subjectType: 'WORK_GROUP', subjectName: '决策测试群', regionCode: REGION, description: '决策测试', anonymous: true, complainant: null, accessCodeHash: 'h', severity: null, submittedAt: new Date().toISOString() };
    const { handlingOrgId } = await worker.get(CaseProjectionWriter).register(input);
    const policy = await worker.get(SlaPolicyService).resolve(input.category, null);
    return { ...initialCaseState(input), seq: 1, handlingOrgId, policy };
  }

  /** Acceptance with its deadline and two notices: the handling office, and the office above `office`. */
  function accept(state: CaseState, office = state.handlingOrgId!): Decision {
    return {
      events: [{ type: 'ACCEPTED', note: 'within scope', isPublic: true, actor: null }],
      effects: [
        { type: 'startDeadline', kind: 'DISPATCH', amount: 1 },
        { type: 'notify', notice: 'CASE_TO_DISPATCH', to: [{ orgId: state.handlingOrgId!, role: null, level: 'SELF' }], message: 'dispatch the case' },
        { type: 'notify', notice: 'CASE_ACCEPTED', to: [{ orgId: office, role: null, level: 'SUPERVISING' }], message: 'a case was accepted' },
      ],
    };
  }

  /** Everything a decision of the case writes, counted. */
  async function written(caseId: string) {
    const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);
    const [row] = await db.query('SELECT step, revision, last_event_seq, deadline_at FROM cases WHERE id = ?', [caseId]);
    const [rollup] = await db.query(`SELECT ${STAT_COUNTERS.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM case_stat_rollups WHERE region_code = ?`, [REGION]);
    return {
      step: row.step as string,
      revision: Number(row.revision),
      lastEventSeq: Number(row.last_event_seq),
      deadlineAt: row.deadline_at ? new Date(row.deadline_at).toISOString() : null,
      events: await count('SELECT COUNT(*) AS n FROM case_events WHERE case_id = ?', [caseId]),
      notices: await count('SELECT COUNT(*) AS n FROM notifications WHERE case_id = ?', [caseId]),
      audit: await count('SELECT COUNT(*) AS n FROM audit_records WHERE case_id = ?', [caseId]),
      rollup: Object.fromEntries(STAT_COUNTERS.map((c) => [c, Number(rollup[c])])),
    };
  }

  it('writes nothing of a decision whose notice cannot be written, the projection included', async () => {
    const state = await registeredCase();
    const before = await written(state.caseId);
    // The second notice names an office that does not exist: it fails after the projection and the first notice were written.
    await expect(decisions.carryOut({ ...state, step: 'ACCEPTED' }, accept(state, 2_000_000_000), new Date().toISOString())).rejects.toThrow('organization 2000000000 does not exist');
    expect(await written(state.caseId)).toEqual(before);
    expect(before).toMatchObject({ step: 'SUBMITTED', revision: 0, events: 1, notices: 0, audit: 1 });
  });

  it('rolls back on a crash before the commit, writes once on the retry, and nothing more on a retry after the commit', async () => {
    const state = await registeredCase();
    // The workflow applied the accept command before carrying out its decision.
    const accepted: CaseState = { ...state, step: 'ACCEPTED' };
    const decision = accept(accepted);
    const now = new Date().toISOString();
    const before = await written(state.caseId);

    // The process dies inside the transaction, after every write of the decision and before the commit.
    const notifications = worker.get(NotificationWriter);
    const sendIn = notifications.sendIn.bind(notifications);
    let notices = 0;
    jest.spyOn(notifications, 'sendIn').mockImplementation(async (em, request) => {
      const sent = await sendIn(em, request);
      if (++notices === 2) throw new Error('connection lost before the commit');
      return sent;
    });
    await expect(decisions.carryOut(accepted, decision, now)).rejects.toThrow('connection lost before the commit');
    expect(await written(state.caseId)).toEqual(before);
    jest.restoreAllMocks();

    // The activity's retry carries out the same decision: all of it, once.
    const first = await decisions.carryOut(accepted, decision, now);
    const after = await written(state.caseId);
    expect(first.moved).toBe(true);
    expect(first.outcome.search).toEqual({ stage: STEP_RULES.ACCEPTED.stage, status: 'OPEN', severity: null, deadlineAt: first.state.deadline!.deadlineAt });
    expect(after).toMatchObject({ step: 'ACCEPTED', revision: 1, lastEventSeq: 2, deadlineAt: first.state.deadline!.deadlineAt, events: 2, audit: 2 });
    // Both notices, to the users of the Guangzhou office and of the Guangdong office above it.
    const keys = await db.query('SELECT DISTINCT dedupe_key AS k, notice FROM notifications WHERE case_id = ? ORDER BY dedupe_key', [state.caseId]);
    expect(keys).toEqual([
      { k: `case.${state.caseId}.1.1`, notice: 'CASE_TO_DISPATCH' },
      { k: `case.${state.caseId}.1.2`, notice: 'CASE_ACCEPTED' },
    ]);
    expect(after.notices).toBeGreaterThanOrEqual(2);
    expect(after.rollup).not.toEqual(before.rollup);

    // Committed, then the worker died before reporting it: the retry finds the decision written and adds nothing.
    const again = await decisions.carryOut(accepted, decision, now);
    expect(again.moved).toBe(false);
    expect(again.outcome).toEqual(first.outcome);
    expect(await written(state.caseId)).toEqual(after);
  });
});

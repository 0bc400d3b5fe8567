import { advanceRevision, applyTimeEffect, DEFAULT_SLA_TERMS, initialCaseState, type CaseState, type CaseWorkflowInput, type Decision } from '@app/domain';
import { WorkingCalendar } from '../../calendar/src/working-calendar';
import { planDecision } from './case-decision';

const input: CaseWorkflowInput = { caseId: 'c-1', caseNo: 'FT-1', source: 'COMPLAINT', category: 'TASK_DUMPING', subjectType: 'WORK_GROUP', subjectName: '群', regionCode: '440105', description: 'd', anonymous: false, complainant: null, accessCodeHash: 'h', severity: null, submittedAt: '2026-12-01T02:00:00.000Z' };
const running = (): CaseState => ({ ...initialCaseState(input), seq: 3, revision: 2, handlingOrgId: 10, policy: { ...DEFAULT_SLA_TERMS, policyId: 1, version: 1 }, step: 'FEEDBACK' });
const now = '2026-12-02T03:00:00.000Z';

/** A reply that opens the revisit window, ends the running deadline, starts another and tells two offices. */
const decision: Decision = {
  events: [{ type: 'REPLIED', note: null, isPublic: true, actor: null }, { type: 'NOTE', note: null, isPublic: false, actor: null }],
  effects: [
    { type: 'clearDeadline' },
    { type: 'startDeadline', kind: 'FEEDBACK', amount: 2 },
    { type: 'openRevisitWindow' },
    { type: 'notify', notice: 'A', to: [{ orgId: 10, role: null, level: 'SELF' }], message: 'a' },
    { type: 'refer', reason: 'OVERDUE', sequence: 1 },
    { type: 'notify', notice: 'B', to: [{ orgId: 10, role: 'SUPERVISOR', level: 'SUPERVISING' }], message: 'b' },
  ],
};

describe('planDecision', () => {
  const calendar = new WorkingCalendar();

  it('gives the workflow the values that bring its own state to the written one, with the same rules', () => {
    const before = running();
    const write = planDecision(calendar, before, decision, now);
    expect(before).toEqual(running());

    const applied = running();
    decision.effects.forEach((effect, i) => applyTimeEffect(applied, effect, write.outcome.timeValues[i], now));
    expect(advanceRevision(applied, decision)).toBe(write.firstSeq);
    expect(applied).toEqual(write.state);

    expect(write.firstSeq).toBe(4);
    expect(write.state).toMatchObject({ seq: 5, revision: 3, revisitEndsAt: calendar.addCalendarDays(new Date(now), 7, DEFAULT_SLA_TERMS.timeUnit).toISOString() });
    expect(write.state.deadline).toMatchObject({ kind: 'FEEDBACK', amount: 2, ...calendar.schedule(new Date(now), 2, DEFAULT_SLA_TERMS) });
    expect(write.outcome.search).toEqual({ stage: 'FEEDBACK', status: 'OPEN', severity: null, deadlineAt: write.state.deadline!.deadlineAt });
  });

  it('keys each notice by the case, the new revision and the effect, as the older per-effect path did', () => {
    const write = planDecision(calendar, running(), decision, now);
    expect(write.notices.map((n) => [n.key, n.notice, n.at])).toEqual([
      ['case.c-1.3.3', 'A', now],
      ['case.c-1.3.5', 'B', now],
    ]);
    expect(write.outcome.timeValues.map((v) => (v === null ? null : typeof v))).toEqual([null, 'object', 'string', null, null, null]);
  });
});

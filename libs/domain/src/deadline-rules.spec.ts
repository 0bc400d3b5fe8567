import { initialCaseState } from './case-rules';
import type { CaseState } from './case-state';
import { rescheduleDeadline, startDeadline } from './deadline-rules';
import type { DeadlineSchedule } from './sla';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2026-03-02T02:00:00.000Z');

/** A schedule whose instants are whole days after the start: warn, deadline, supervision, referral. */
function schedule(days: [number, number, number, number]): DeadlineSchedule {
  const [warn, deadline, supervision, referral] = days.map((d) => iso(T0 + d * DAY));
  return { startedAt: iso(T0), warnAt: warn, deadlineAt: deadline, supervisionAt: supervision, referralAt: referral };
}

function running(): CaseState {
  const state = initialCaseState({
    caseId: 'c1',
    caseNo: 'FT20260302-0001',
    source: 'COMPLAINT',
    category: 'FORCED_CHECKIN',
    subjectType: 'WORK_GROUP',
    subjectName: '某街道工作群',
    regionCode: '440105',
    description: '要求每天打卡接龙',
    anonymous: false,
    complainant: null,
    accessCodeHash: 'h',
    severity: null,
    submittedAt: iso(T0),
  });
  startDeadline(state, 'INVESTIGATION', 5, schedule([3, 5, 7, 10]));
  return state;
}

describe('startDeadline', () => {
  it('starts the step deadline with nothing fired, whatever fired before', () => {
    const state = running();
    state.escalation = { warned: true, reminded: true, supervised: true, referred: true };
    startDeadline(state, 'FEEDBACK', 2, schedule([1, 2, 4, 7]));
    expect(state.deadline).toMatchObject({ kind: 'FEEDBACK', amount: 2, deadlineAt: iso(T0 + 2 * DAY) });
    expect(state.escalation).toEqual({ warned: false, reminded: false, supervised: false, referred: false });
  });
});

describe('rescheduleDeadline (an approved extension or a changed calendar)', () => {
  it('keeps the kind and start, takes the new instants and amount', () => {
    const state = running();
    rescheduleDeadline(state, 8, schedule([5, 8, 10, 13]), iso(T0 + DAY));
    expect(state.deadline).toMatchObject({ kind: 'INVESTIGATION', amount: 8, startedAt: iso(T0), deadlineAt: iso(T0 + 8 * DAY), referralAt: iso(T0 + 13 * DAY) });
  });

  it('lets an escalation fire again when its instant moved into the future, and keeps those still past', () => {
    const state = running();
    state.escalation = { warned: true, reminded: true, supervised: false, referred: false };
    state.breaches = 1;
    // Day 6: the old deadline (day 5) was missed; the new one is day 8, the new warning day 4 is already past.
    rescheduleDeadline(state, 8, schedule([4, 8, 10, 13]), iso(T0 + 6 * DAY));
    expect(state.escalation).toEqual({ warned: true, reminded: false, supervised: false, referred: false });
  });

  it('forgives a missed deadline that moved into the future: missing it again is the same breach', () => {
    const state = running();
    state.escalation = { warned: true, reminded: true, supervised: false, referred: false };
    state.breaches = 1;
    rescheduleDeadline(state, 8, schedule([5, 8, 10, 13]), iso(T0 + 6 * DAY));
    expect(state.breaches).toBe(0);
  });

  it('keeps a breach whose deadline is still past after the move', () => {
    const state = running();
    state.escalation = { warned: true, reminded: true, supervised: false, referred: false };
    state.breaches = 1;
    rescheduleDeadline(state, 6, schedule([4, 6, 8, 11]), iso(T0 + 7 * DAY));
    expect(state.escalation.reminded).toBe(true);
    expect(state.breaches).toBe(1);
  });

  it('never refers a deadline twice, however it moves', () => {
    const state = running();
    state.escalation = { warned: true, reminded: true, supervised: true, referred: true };
    rescheduleDeadline(state, 20, schedule([14, 20, 22, 25]), iso(T0 + 11 * DAY));
    expect(state.escalation.referred).toBe(true);
  });

  it('does nothing without a running deadline', () => {
    const state = running();
    state.deadline = null;
    rescheduleDeadline(state, 8, schedule([5, 8, 10, 13]), iso(T0));
    expect(state.deadline).toBeNull();
  });
});

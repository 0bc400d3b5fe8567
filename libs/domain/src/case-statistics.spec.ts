import {
  addCounts,
  advanceFacts,
  beijingMonth,
  factCounts,
  handlingDaysBucket,
  histogramPercentile,
  initialFacts,
  measuresOf,
  periodMonths,
  rateOf,
  SMALL_DENOMINATOR,
  zeroCounts,
  type CaseFacts,
  type FactsState,
} from './case-statistics';
import type { DeadlineKind } from './sla';

/** One projection write: the deadline kind the case runs under afterwards, and what changed. */
interface Snapshot {
  kind: DeadlineKind | null;
  entries?: string[];
  reminded?: boolean;
  breaches?: number;
  closed?: FactsState['outcome'];
  satisfaction?: FactsState['satisfaction'];
  reopenCount?: number;
  referralCount?: number;
  supervised?: boolean;
  hostUnitId?: number;
  handlingDays?: number;
}

/** Walks a case through its projection writes as the writer does: each write sees the row the last one left. */
function walk(snapshots: Snapshot[], start: Partial<Parameters<typeof initialFacts>[0]> = {}): CaseFacts {
  let facts = initialFacts({ submittedAt: new Date('2026-11-03T02:00:00Z'), handlingOrgId: 10, regionCode: '440105', category: 'FORCED_CHECKIN', source: 'COMPLAINT', hostUnitId: null, ...start });
  let before = { deadlineKind: null as DeadlineKind | null, overdue: false, breaches: 0 };
  let last: FactsState = { status: 'OPEN', outcome: null, satisfaction: null, reopenCount: 0, breaches: 0, referralCount: 0, supervised: false, hostUnitId: null, deadline: null, escalation: { warned: false, reminded: false, supervised: false, referred: false }, step: 'SUBMITTED' };
  for (const s of snapshots) {
    const state: FactsState = {
      ...last,
      status: s.closed ? 'CLOSED' : 'OPEN',
      outcome: s.closed ?? null,
      satisfaction: s.satisfaction ?? last.satisfaction,
      reopenCount: s.reopenCount ?? last.reopenCount,
      breaches: s.breaches ?? last.breaches,
      referralCount: s.referralCount ?? last.referralCount,
      supervised: s.supervised ?? last.supervised,
      hostUnitId: s.hostUnitId ?? last.hostUnitId,
      deadline: s.kind ? ({ kind: s.kind } as FactsState['deadline']) : null,
      escalation: { warned: false, reminded: s.reminded ?? false, supervised: false, referred: false },
      step: s.entries?.includes('REPLIED') ? 'REVISIT' : 'INVESTIGATING',
    };
    facts = advanceFacts(facts, before, state, s.entries ?? [], s.handlingDays ?? null);
    before = { deadlineKind: s.kind, overdue: state.escalation.reminded, breaches: state.breaches };
    last = state;
  }
  return facts;
}

const ACCEPT: Snapshot[] = [{ kind: 'ACCEPTANCE' }, { kind: 'DISPATCH', entries: ['ACCEPTED'] }];
const TO_RECTIFICATION: Snapshot[] = [
  ...ACCEPT,
  { kind: 'INVESTIGATION', entries: ['DISPATCHED'], hostUnitId: 30 },
  { kind: 'SIGN', entries: ['FINDING_RECORDED', 'RECTIFICATION_NOTICE_SENT'] },
  { kind: 'RECTIFICATION', entries: ['NOTICE_SIGNED'] },
  { kind: 'REVIEW', entries: ['RECTIFICATION_SUBMITTED'] },
];
const REPLY: Snapshot[] = [{ kind: 'FEEDBACK', entries: ['RECTIFICATION_APPROVED'] }, { kind: null, entries: ['REPLIED'] }];

// The known set: one case of each kind the measures must tell apart.
const CASES: Record<string, CaseFacts> = {
  // Accepted, rectified, replied, satisfied: every stage on time, 9 working days.
  resolved: walk([...TO_RECTIFICATION, ...REPLY, { kind: null, entries: ['EVALUATED', 'CLOSED'], satisfaction: 'SATISFIED', closed: 'RESOLVED', handlingDays: 9 }]),
  // Rejected at acceptance: acceptance done on time, nothing else counts.
  rejected: walk([{ kind: 'ACCEPTANCE' }, { kind: null, entries: ['REJECTED', 'CLOSED'], closed: 'REJECTED', handlingDays: 1 }]),
  // Merged into another case: the same, and no handling time.
  merged: walk([{ kind: 'ACCEPTANCE' }, { kind: null, entries: ['MERGED', 'CLOSED'], closed: 'MERGED', handlingDays: 1 }]),
  // Rectification returned once, then approved; the investigation missed its deadline (a breach, a supervision order).
  returnedLate: walk([
    ...ACCEPT,
    { kind: 'INVESTIGATION', entries: ['DISPATCHED'], hostUnitId: 30 },
    { kind: 'INVESTIGATION', entries: ['DEADLINE_MISSED'], reminded: true, breaches: 1 },
    { kind: 'INVESTIGATION', entries: ['SUPERVISION_ORDERED'], supervised: true, breaches: 1 },
    { kind: 'SIGN', entries: ['FINDING_RECORDED', 'RECTIFICATION_NOTICE_SENT'] },
    { kind: 'RECTIFICATION', entries: ['NOTICE_SIGNED'] },
    { kind: 'REVIEW', entries: ['RECTIFICATION_SUBMITTED'] },
    { kind: 'RECTIFICATION', entries: ['RECTIFICATION_RETURNED'] },
    { kind: 'REVIEW', entries: ['RECTIFICATION_SUBMITTED'] },
    ...REPLY,
    { kind: null, entries: ['REVISIT_EXPIRED', 'CLOSED'], closed: 'NOT_EVALUATED', handlingDays: 30 },
  ]),
  // Extended rectification done within the extension: on time. Reopened once after an unsatisfied evaluation.
  extendedReopened: walk([
    ...TO_RECTIFICATION.slice(0, 5),
    { kind: 'RECTIFICATION', entries: ['EXTENSION_REQUESTED'] },
    { kind: 'RECTIFICATION', entries: ['EXTENSION_APPROVED'] },
    { kind: 'REVIEW', entries: ['RECTIFICATION_SUBMITTED'] },
    ...REPLY,
    { kind: 'INVESTIGATION', entries: ['EVALUATED', 'REOPENED'], satisfaction: 'UNSATISFIED', reopenCount: 1 },
    { kind: 'FEEDBACK', entries: ['FINDING_RECORDED'] },
    { kind: null, entries: ['REPLIED'] },
    { kind: null, entries: ['EVALUATED', 'CLOSED'], satisfaction: 'BASICALLY_SATISFIED', closed: 'RESOLVED', handlingDays: 20 },
  ]),
  // Still open, past its investigation deadline, referred.
  openOverdue: walk([...ACCEPT, { kind: 'INVESTIGATION', entries: ['DISPATCHED'] }, { kind: 'INVESTIGATION', entries: ['DEADLINE_MISSED'], reminded: true, breaches: 1, referralCount: 1 }]),
  // Unsatisfied to the end: closed by a supervisor's review, evaluated unsatisfied.
  unsatisfied: walk([...TO_RECTIFICATION, ...REPLY, { kind: null, entries: ['EVALUATED', 'SUPERVISOR_CLOSED', 'CLOSED'], satisfaction: 'UNSATISFIED', closed: 'CLOSED_BY_SUPERVISOR', handlingDays: 12 }]),
};

function totals(cases: CaseFacts[]) {
  const counts = cases.reduce((sum, f) => addCounts(sum, factCounts(f)), zeroCounts());
  const days = new Map<number, number>();
  for (const f of cases) {
    const d = handlingDaysBucket(f);
    if (d !== null) days.set(d, (days.get(d) ?? 0) + 1);
  }
  return measuresOf(counts, [...days].map(([d, n]) => ({ days: d, cases: n })));
}

describe('case statistics', () => {
  const m = totals(Object.values(CASES));

  it('counts each stage once per time it is done, and on time only when no deadline was missed in it', () => {
    expect(m.onTime.ACCEPTANCE).toMatchObject({ numerator: 7, denominator: 7 });
    // returnedLate missed its investigation deadline; extendedReopened investigated twice; openOverdue is not done yet.
    expect(m.onTime.INVESTIGATION).toMatchObject({ numerator: 4, denominator: 5 });
    // returnedLate rectified twice; extendedReopened within its extension.
    expect(m.onTime.RECTIFICATION).toMatchObject({ numerator: 5, denominator: 5 });
    expect(m.onTime.REVIEW).toMatchObject({ numerator: 5, denominator: 5 });
    expect(m.onTime.FEEDBACK).toMatchObject({ numerator: 5, denominator: 5 });
  });

  it('has the handling time of cases handled to the end only, not of rejected or merged ones', () => {
    // 9, 12, 20, 30: the nearest-rank median is the second, the 90th percentile the fourth.
    expect(m.handlingDays).toEqual({ cases: 4, median: 12, p90: 30, small: true });
  });

  it('computes every rate on its own denominator', () => {
    expect(m.cases).toBe(7);
    expect(m.rates.supervisionRate).toMatchObject({ numerator: 1, denominator: 5 });
    expect(m.rates.referralRate).toMatchObject({ numerator: 1, denominator: 5 });
    expect(m.rates.rectificationCompletionRate).toMatchObject({ numerator: 4, denominator: 4 });
    expect(m.rates.returnRate).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(m.rates.reopenRate).toMatchObject({ numerator: 1, denominator: 4 });
    // Last evaluations: SATISFIED, BASICALLY_SATISFIED, UNSATISFIED; returnedLate was not evaluated.
    expect(m.rates.satisfactionRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(m.rates.evaluationRate).toMatchObject({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(m.rates.overdueOpenRate).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('marks every rate with a denominator below the threshold as small', () => {
    expect(SMALL_DENOMINATOR).toBe(10);
    expect(rateOf(9, 9).small).toBe(true);
    expect(rateOf(0, 10)).toEqual({ numerator: 0, denominator: 10, rate: 0, small: false });
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null, small: true });
    expect(Object.values(m.rates).every((r) => r.small)).toBe(true);
  });

  it('keeps a rejected or merged case out of every rate but acceptance', () => {
    for (const f of [CASES.rejected, CASES.merged]) {
      const c = factCounts(f);
      expect(c).toMatchObject({ cases: 1, accepted: 0, closed: 1, handled_closed: 0, evaluated: 0, replied: 0, done_acceptance: 1, on_time_acceptance: 1 });
      expect(handlingDaysBucket(f)).toBeNull();
    }
    expect(factCounts(CASES.rejected).rejected).toBe(1);
    expect(factCounts(CASES.merged).merged).toBe(1);
  });

  it('names the host unit once dispatched and keeps the submission month', () => {
    expect(CASES.resolved).toMatchObject({ hostUnitId: 30, month: 202611 });
    expect(CASES.rejected.hostUnitId).toBe(0);
  });

  it('takes the month in Beijing time', () => {
    expect(beijingMonth(new Date('2026-10-31T15:59:59Z'))).toBe(202610);
    expect(beijingMonth(new Date('2026-10-31T16:00:00Z'))).toBe(202611);
  });

  it('reads periods as whole months', () => {
    expect(periodMonths('2026-11')).toEqual({ from: 202611, to: 202611 });
    expect(periodMonths('2026-Q4')).toEqual({ from: 202610, to: 202612 });
    expect(periodMonths('2026')).toEqual({ from: 202601, to: 202612 });
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-11-01', '']) expect(periodMonths(bad)).toBeNull();
  });

  it('takes percentiles by nearest rank', () => {
    const h = [1, 2, 3, 4].map((days) => ({ days, cases: 1 }));
    expect(histogramPercentile(h, 0.5)).toBe(2);
    expect(histogramPercentile(h, 0.9)).toBe(4);
    expect(histogramPercentile([{ days: 5, cases: 10 }, { days: 7, cases: 0 }], 0.9)).toBe(5);
    expect(histogramPercentile([], 0.5)).toBeNull();
  });
});

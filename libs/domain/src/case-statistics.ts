import type { CaseOutcome, CaseState } from './case-state';
import type { CaseSource, CaseStatus, Category, Satisfaction } from './case-vocabulary';
import { DEADLINE_KINDS, type DeadlineKind } from './sla';

/**
 * Statistics of how cases are handled (PRODUCT.md, "Statistics and circulars"): rates that compare fairly,
 * each with its numerator and denominator, never raw counts of people's activity.
 *
 * Every case has one fact record (`CaseFacts`), advanced by the projection in the transaction that writes the
 * case row. A case's share of the additive counters (`factCounts`) goes into rollup rows keyed by the month
 * the case was submitted (Beijing time) and its dimensions; a query sums the rows in reach and turns the sums
 * into measures (`measuresOf`). Everything a number is made of is defined here, once.
 */

/** A rate whose denominator is below this is marked `small`: shown, never compared or ranked. */
export const SMALL_DENOMINATOR = 10;

/** Handling times beyond this many working days are counted in the last histogram bucket. */
export const MAX_HANDLING_DAYS = 999;

/** What a case's statistics remember between projection writes. */
export interface CaseFacts {
  /** YYYYMM of the submission, Beijing time: the period the case belongs to. */
  month: number;
  handlingOrgId: number;
  regionCode: string;
  category: Category;
  source: CaseSource;
  /** Named at dispatch; 0 until then. */
  hostUnitId: number;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  satisfaction: Satisfaction | null;
  /** The running deadline has passed (the workflow's reminder fired). */
  overdue: boolean;
  accepted: boolean;
  supervised: boolean;
  referred: boolean;
  rectificationRequired: boolean;
  rectificationSubmitted: boolean;
  rectificationApproved: boolean;
  returned: boolean;
  replied: boolean;
  revisited: boolean;
  reopened: boolean;
  /** Stage deadlines that ended (the stage was done), and those done without a missed deadline. */
  stagesDone: Record<DeadlineKind, number>;
  stagesOnTime: Record<DeadlineKind, number>;
  /** The case's missed deadlines when the running stage started: more at its end means it was late. */
  stageBreachBase: number;
  /** Working days from submission to closing, for cases handled to the end (not rejected or merged). */
  handlingDays: number | null;
}

/** The case row before a projection write, as far as statistics need it. */
export interface FactsBefore {
  deadlineKind: DeadlineKind | null;
  overdue: boolean;
  breaches: number;
}

export type FactsState = Pick<CaseState, 'status' | 'outcome' | 'satisfaction' | 'reopenCount' | 'breaches' | 'referralCount' | 'supervised' | 'hostUnitId' | 'deadline' | 'escalation' | 'step'>;

const zeroStages = (): Record<DeadlineKind, number> => Object.fromEntries(DEADLINE_KINDS.map((k) => [k, 0])) as Record<DeadlineKind, number>;

/** YYYYMM of an instant in Beijing (UTC+8 all year). */
export function beijingMonth(at: Date): number {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
}

export function initialFacts(c: { submittedAt: Date; handlingOrgId: number; regionCode: string; category: Category; source: CaseSource; hostUnitId: number | null }): CaseFacts {
  return {
    month: beijingMonth(c.submittedAt),
    handlingOrgId: c.handlingOrgId,
    regionCode: c.regionCode,
    category: c.category,
    source: c.source,
    hostUnitId: c.hostUnitId ?? 0,
    status: 'OPEN',
    outcome: null,
    satisfaction: null,
    overdue: false,
    accepted: false,
    supervised: false,
    referred: false,
    rectificationRequired: false,
    rectificationSubmitted: false,
    rectificationApproved: false,
    returned: false,
    replied: false,
    revisited: false,
    reopened: false,
    stagesDone: zeroStages(),
    stagesOnTime: zeroStages(),
    stageBreachBase: 0,
    handlingDays: null,
  };
}

/** Outcomes that end a case without handling it: no handling time, no rectification, no revisit. */
export const UNHANDLED_OUTCOMES: readonly CaseOutcome[] = ['REJECTED', 'MERGED'];

/**
 * The facts after one workflow decision: `entryTypes` are its timeline entries, `state` the state it left.
 * A stage is done when the deadline kind it ran under ends (the next stage has another kind, or none); it
 * was on time when no deadline was missed while it ran (an approved extension moves the deadline first, so
 * an extended stage done within the extension is on time; one that needed a supervision order is not).
 */
export function advanceFacts(prev: CaseFacts, before: FactsBefore, state: FactsState, entryTypes: readonly string[], handlingDays: number | null): CaseFacts {
  const has = (type: string) => entryTypes.includes(type);
  const next: CaseFacts = {
    ...prev,
    stagesDone: { ...prev.stagesDone },
    stagesOnTime: { ...prev.stagesOnTime },
    hostUnitId: state.hostUnitId ?? prev.hostUnitId,
    status: state.status,
    outcome: state.outcome,
    satisfaction: state.satisfaction,
    overdue: state.status === 'OPEN' && state.deadline !== null && state.escalation.reminded,
    accepted: prev.accepted || has('ACCEPTED'),
    supervised: prev.supervised || state.supervised || has('SUPERVISION_ORDERED'),
    referred: prev.referred || state.referralCount > 0,
    rectificationRequired: prev.rectificationRequired || has('RECTIFICATION_NOTICE_SENT'),
    rectificationSubmitted: prev.rectificationSubmitted || has('RECTIFICATION_SUBMITTED'),
    rectificationApproved: prev.rectificationApproved || has('RECTIFICATION_APPROVED'),
    returned: prev.returned || has('RECTIFICATION_RETURNED'),
    replied: prev.replied || has('REPLIED'),
    revisited: prev.revisited || state.step === 'REVISIT' || has('EVALUATED') || has('REVISIT_EXPIRED'),
    reopened: prev.reopened || state.reopenCount > 0,
  };
  const kindNow = state.deadline?.kind ?? null;
  if (before.deadlineKind !== null && kindNow !== before.deadlineKind) {
    next.stagesDone[before.deadlineKind] += 1;
    if (!before.overdue && state.breaches <= prev.stageBreachBase) next.stagesOnTime[before.deadlineKind] += 1;
  }
  if (kindNow !== null && kindNow !== before.deadlineKind) next.stageBreachBase = state.breaches;
  if (state.status === 'CLOSED' && handlingDays !== null && !UNHANDLED_OUTCOMES.includes(state.outcome!)) {
    next.handlingDays = Math.min(Math.max(0, Math.round(handlingDays)), MAX_HANDLING_DAYS);
  }
  return next;
}

/** The additive counters of the rollups; each measure below is a ratio of two of them. */
export const STAT_COUNTERS = [
  'cases',
  'accepted',
  'rejected',
  'merged',
  'closed',
  'open',
  'open_overdue',
  'supervised',
  'referred',
  'rect_required',
  'rect_approved',
  'rect_submitted',
  'returned',
  'replied',
  'reopened',
  'revisited_closed',
  'evaluated',
  'satisfied',
  'handled_closed',
  ...DEADLINE_KINDS.map((k) => `done_${k.toLowerCase() as Lowercase<DeadlineKind>}` as const),
  ...DEADLINE_KINDS.map((k) => `on_time_${k.toLowerCase() as Lowercase<DeadlineKind>}` as const),
] as const;
export type StatCounter = (typeof STAT_COUNTERS)[number];
export type StatCounts = Record<StatCounter, number>;

export const stageDoneCounter = (kind: DeadlineKind) => `done_${kind.toLowerCase()}` as StatCounter;
export const stageOnTimeCounter = (kind: DeadlineKind) => `on_time_${kind.toLowerCase()}` as StatCounter;

export function zeroCounts(): StatCounts {
  return Object.fromEntries(STAT_COUNTERS.map((c) => [c, 0])) as StatCounts;
}

/** One case's share of the rollup counters. */
export function factCounts(f: CaseFacts): StatCounts {
  const closed = f.status === 'CLOSED';
  const handled = closed && !UNHANDLED_OUTCOMES.includes(f.outcome!);
  const counts: Partial<StatCounts> = {
    cases: 1,
    accepted: +f.accepted,
    rejected: +(closed && f.outcome === 'REJECTED'),
    merged: +(closed && f.outcome === 'MERGED'),
    closed: +closed,
    open: +!closed,
    open_overdue: +(!closed && f.overdue),
    supervised: +f.supervised,
    referred: +f.referred,
    rect_required: +f.rectificationRequired,
    rect_approved: +f.rectificationApproved,
    rect_submitted: +f.rectificationSubmitted,
    returned: +f.returned,
    replied: +f.replied,
    reopened: +f.reopened,
    revisited_closed: +(closed && f.revisited),
    evaluated: +(closed && f.satisfaction !== null),
    satisfied: +(closed && (f.satisfaction === 'SATISFIED' || f.satisfaction === 'BASICALLY_SATISFIED')),
    handled_closed: +(handled && f.handlingDays !== null),
  };
  for (const kind of DEADLINE_KINDS) {
    counts[stageDoneCounter(kind)] = f.stagesDone[kind];
    counts[stageOnTimeCounter(kind)] = f.stagesOnTime[kind];
  }
  return counts as StatCounts;
}

/** The handling-time histogram bucket a case adds to, if it counts. */
export function handlingDaysBucket(f: CaseFacts): number | null {
  return f.status === 'CLOSED' && !UNHANDLED_OUTCOMES.includes(f.outcome!) ? f.handlingDays : null;
}

export function addCounts(into: StatCounts, from: Partial<StatCounts>, sign: 1 | -1 = 1): StatCounts {
  for (const c of STAT_COUNTERS) into[c] += sign * Number(from[c] ?? 0);
  return into;
}

/** The rates, each a ratio of two counters. The README's "Statistics" table is this list. */
export const RATE_MEASURES = [
  { key: 'supervisionRate', numerator: 'supervised', denominator: 'accepted', definition: 'accepted cases that got at least one supervision order (督办) / accepted cases' },
  { key: 'referralRate', numerator: 'referred', denominator: 'accepted', definition: 'accepted cases referred to a discipline inspection body at least once / accepted cases' },
  { key: 'rectificationCompletionRate', numerator: 'rect_approved', denominator: 'rect_required', definition: 'cases whose rectification was approved (销号) / cases sent a rectification notice' },
  { key: 'returnRate', numerator: 'returned', denominator: 'rect_submitted', definition: 'cases whose rectification was returned (退回重改) at least once / cases that submitted a rectification' },
  { key: 'reopenRate', numerator: 'reopened', denominator: 'replied', definition: 'cases reopened after an unsatisfied evaluation / cases replied to (反馈)' },
  { key: 'satisfactionRate', numerator: 'satisfied', denominator: 'evaluated', definition: 'closed cases whose last evaluation is satisfied or basically satisfied / closed cases evaluated' },
  { key: 'evaluationRate', numerator: 'evaluated', denominator: 'revisited_closed', definition: 'closed cases the complainant evaluated / closed cases that went to a revisit (回访)' },
  { key: 'overdueOpenRate', numerator: 'open_overdue', denominator: 'open', definition: 'open cases past their running deadline now / open cases now (whatever the period)' },
] as const satisfies ReadonlyArray<{ key: string; numerator: StatCounter; denominator: StatCounter; definition: string }>;
export type RateMeasure = (typeof RATE_MEASURES)[number]['key'];

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, 0..1; null when the denominator is 0. */
  rate: number | null;
  /** The denominator is below SMALL_DENOMINATOR: not comparable, never ranked. */
  small: boolean;
}

export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null, small: denominator < SMALL_DENOMINATOR };
}

export interface HandlingTime {
  /** Cases handled to the end (closed, not rejected or merged) whose time is known. */
  cases: number;
  median: number | null;
  p90: number | null;
  small: boolean;
}

/**
 * The nearest-rank percentile of a histogram of whole working days: the smallest value with at least
 * p of the cases at or below it (the median of 1, 2, 3, 4 is 2).
 */
export function histogramPercentile(histogram: ReadonlyArray<{ days: number; cases: number }>, p: number): number | null {
  const sorted = [...histogram].filter((b) => b.cases > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, b) => sum + b.cases, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of sorted) if ((seen += b.cases) >= rank) return b.days;
  return sorted[sorted.length - 1].days;
}

export interface StatisticsMeasures {
  /** Cases submitted in the period: the base the rates are about, not a score. */
  cases: number;
  /** Per stage deadline: stages done on time / stages done (a stage done twice, after a return or reopen, counts twice). */
  onTime: Record<DeadlineKind, Rate>;
  handlingDays: HandlingTime;
  rates: Record<RateMeasure, Rate>;
}

export function measuresOf(counts: StatCounts, histogram: ReadonlyArray<{ days: number; cases: number }>): StatisticsMeasures {
  const onTime = Object.fromEntries(DEADLINE_KINDS.map((k) => [k, rateOf(counts[stageOnTimeCounter(k)], counts[stageDoneCounter(k)])])) as Record<DeadlineKind, Rate>;
  const rates = Object.fromEntries(RATE_MEASURES.map((m) => [m.key, rateOf(counts[m.numerator], counts[m.denominator])])) as Record<RateMeasure, Rate>;
  const handled = histogram.reduce((sum, b) => sum + b.cases, 0);
  return {
    cases: counts.cases,
    onTime,
    handlingDays: { cases: handled, median: histogramPercentile(histogram, 0.5), p90: histogramPercentile(histogram, 0.9), small: handled < SMALL_DENOMINATOR },
    rates,
  };
}

/** The dimensions a statistics table can be broken down by; rows come in the dimension's order, never by a rate. */
export const STATISTICS_GROUPS = ['NONE', 'MONTH', 'CATEGORY', 'SOURCE', 'HOST_UNIT', 'ORGANIZATION'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];

/**
 * A period as months: `2026-11`, a quarter `2026-Q4`, a year `2026`, or `from`/`to` months (inclusive).
 * The rollups are by month, so a period is whole months. Returns null for anything else.
 */
export function periodMonths(period: string): { from: number; to: number } | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { from: +m[1] * 100 + +m[2], to: +m[1] * 100 + +m[2] };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return { from: +m[1] * 100 + (+m[2] - 1) * 3 + 1, to: +m[1] * 100 + +m[2] * 3 };
  m = /^(\d{4})$/.exec(period);
  if (m) return { from: +m[1] * 100 + 1, to: +m[1] * 100 + 12 };
  return null;
}

/** `202611` → `2026-11`. */
export const monthLabel = (month: number): string => `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;

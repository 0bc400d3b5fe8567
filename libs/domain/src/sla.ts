/** Each stage deadline a case can be under; the SLA policy gives its length. */
export const DEADLINE_KINDS = ['ACCEPTANCE', 'DISPATCH', 'INVESTIGATION', 'SIGN', 'RECTIFICATION', 'REVIEW', 'FEEDBACK'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * WORKING_DAY counts Chinese working days (holidays off, make-up weekends on, from the next day).
 * MINUTE counts plain minutes: for demonstrations and drills only, never production policies.
 */
export const TIME_UNITS = ['WORKING_DAY', 'MINUTE'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface SlaTerms {
  timeUnit: TimeUnit;
  /** Length of each stage, in timeUnit. */
  durations: Record<DeadlineKind, number>;
  /** The revisit window is in calendar days (minutes under MINUTE). */
  revisitWindow: number;
  /** Upper bound a supervisor may set for rectification. */
  maxRectification: number;
  /** Upper bound of one extension. */
  maxExtension: number;
  /** After the deadline: a supervision order this much later, a discipline referral this much later. */
  supervisionGrace: number;
  referralGrace: number;
  /** Discipline referrals: acknowledge within, conclude within. */
  referralAcknowledge: number;
  referralConclude: number;
}

/** The policy a case started with; it keeps this version for life. */
export interface SlaPolicySnapshot extends SlaTerms {
  policyId: number;
  version: number;
}

/** The defaults of PRODUCT.md ("Deadlines and escalation"). */
export const DEFAULT_SLA_TERMS: SlaTerms = {
  timeUnit: 'WORKING_DAY',
  durations: { ACCEPTANCE: 2, DISPATCH: 1, INVESTIGATION: 5, SIGN: 1, RECTIFICATION: 15, REVIEW: 3, FEEDBACK: 2 },
  revisitWindow: 7,
  maxRectification: 30,
  maxExtension: 15,
  supervisionGrace: 2,
  referralGrace: 5,
  referralAcknowledge: 5,
  referralConclude: 30,
};

/** One term of a policy an administrator sets: a stage's length ('durations.ACCEPTANCE') or a bound. */
export type SlaTermField = `durations.${DeadlineKind}` | Exclude<keyof SlaTerms, 'timeUnit' | 'durations'>;

export interface TermsProblem {
  field: string;
  reason: string;
}

const isIntBetween = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The range of each term (PRODUCT.md, "Deadlines and escalation"). Two depend on others: the supervisor's
 * rectification bound is never below the default it overrides, and supervision comes before referral, or
 * the escalation ladder skips a rung. A dependency that is itself out of range counts as 1.
 */
export function slaTermBounds(terms: Partial<Pick<SlaTerms, 'durations' | 'supervisionGrace'>>): Record<SlaTermField, { min: number; max: number }> {
  const rectification = terms.durations?.RECTIFICATION;
  const supervision = terms.supervisionGrace;
  const durations = Object.fromEntries(DEADLINE_KINDS.map((kind) => [`durations.${kind}`, { min: 1, max: 60 }])) as Record<`durations.${DeadlineKind}`, { min: number; max: number }>;
  return {
    ...durations,
    revisitWindow: { min: 1, max: 30 },
    maxRectification: { min: isIntBetween(rectification, 1, 60) ? rectification : 1, max: 60 },
    maxExtension: { min: 1, max: 15 },
    supervisionGrace: { min: 1, max: 30 },
    referralGrace: { min: (isIntBetween(supervision, 1, 30) ? supervision : 1) + 1, max: 30 },
    referralAcknowledge: { min: 1, max: 90 },
    referralConclude: { min: 1, max: 90 },
  };
}

/**
 * The policy rules; every problem is listed, not just the first. MINUTE is allowed only for
 * demonstrations, so the caller says whether this deployment may use it. The console runs it too.
 */
export function validateSlaTerms(terms: SlaTerms, options: { allowMinutes: boolean }): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const check = (field: string, ok: boolean, reason: string) => {
    if (!ok) problems.push({ field, reason });
  };
  check('timeUnit', (TIME_UNITS as readonly unknown[]).includes(terms.timeUnit), `must be one of ${TIME_UNITS.join(', ')}`);
  check('timeUnit', terms.timeUnit !== 'MINUTE' || options.allowMinutes, 'MINUTE is for demonstrations only and is not allowed in production');
  const values: Partial<Record<string, unknown>> = { ...terms, ...Object.fromEntries(Object.entries(terms.durations ?? {}).map(([k, v]) => [`durations.${k}`, v])) };
  for (const [field, { min, max }] of Object.entries(slaTermBounds(terms))) {
    const reason = field === 'referralGrace' ? `must be an integer greater than supervisionGrace (${min - 1}) and at most ${max}` : `must be an integer from ${min} to ${max}`;
    check(field, isIntBetween(values[field], min, max), reason);
  }
  return problems;
}

/**
 * The instants of one deadline, computed by the calendar (an activity) and kept by the workflow,
 * as ISO strings so they replay unchanged.
 */
export interface DeadlineSchedule {
  startedAt: string;
  /** Two thirds of the working time: a warning to the assignee. */
  warnAt: string;
  /** The deadline: a reminder to the assignee and its unit. */
  deadlineAt: string;
  /** supervisionGrace past the deadline: a supervision order. */
  supervisionAt: string;
  /** referralGrace past the deadline: referral to the discipline body. */
  referralAt: string;
}

/** How long a process may keep using a calendar it loaded; after it, every process sees the latest overrides. */
export const CALENDAR_CACHE_MS = 30_000;

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

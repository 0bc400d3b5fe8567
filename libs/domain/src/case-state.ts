import type { ActorRef } from './case-actions';
import type { CaseStep, FindingResult } from './case-state-machine';
import type { CaseSource, CaseStatus, Category, Satisfaction, Severity } from './case-vocabulary';
import type { DeadlineKind, DeadlineSchedule, SlaPolicySnapshot } from './sla';

export const CASE_OUTCOMES = ['RESOLVED', 'REJECTED', 'MERGED', 'NOT_EVALUATED', 'CLOSED_BY_SUPERVISOR'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export interface RunningDeadline extends DeadlineSchedule {
  kind: DeadlineKind;
  /** Length in the policy's time unit, extensions included: recomputing from startedAt gives the same instants. */
  amount: number;
  /**
   * Set once a supervision order (督办) gave the missed deadline a new one: the instant of the order and the
   * deadline that was missed. `deadlineAt` is then the new deadline, the referral instant of the missed one.
   */
  supervision?: { orderedAt: string; missedDeadlineAt: string };
}

/** Which escalations of the running deadline have fired. */
export interface EscalationProgress {
  warned: boolean;
  reminded: boolean;
  supervised: boolean;
  referred: boolean;
}

export interface PendingExtension {
  days: number;
  reason: string;
  requestedBy: ActorRef;
}

/** Rule changes that alter what a running case does; each is on for cases started after it. */
export interface CaseRuleVersions {
  /** A finding is not referred again at a severity already referred (patch `finding-referred-once`). */
  findingReferredOnce: boolean;
  /** A supervision order on a missed deadline sets a new deadline with its own escalation (patch `supervision-deadline`). */
  supervisionDeadline: boolean;
}

/**
 * A case stopped on an effect that can never succeed as it stands (a bad argument, a value the database
 * refuses): nothing moves until an administrator or supervisor retries it, once the cause is fixed.
 */
export interface CaseStall {
  /** What failed and why, without personal data, e.g. `sendNotice: ER_BAD_NULL_ERROR on column organization_id`. */
  reason: string;
  at: string;
}

/** Everything the case workflow knows; the projection in MySQL is written from it. */
export interface CaseState {
  caseId: string;
  caseNo: string;
  source: CaseSource;
  category: Category;
  regionCode: string;
  anonymous: boolean;
  /** The complainant can follow up with an access code, so the case gets a revisit. */
  publicFollowUp: boolean;
  severity: Severity | null;
  step: CaseStep;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  handlingOrgId: number | null;
  investigatingOrgId: number | null;
  hostUnitId: number | null;
  findingResult: FindingResult | null;
  findingSummary: string | null;
  rectificationDays: number | null;
  reply: string | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  deadline: RunningDeadline | null;
  escalation: EscalationProgress;
  pendingExtension: PendingExtension | null;
  /** The current stage of the current cycle already had its one extension request (decided). */
  extensionUsed: boolean;
  /** The stages, per cycle (`<reopenCount>:<stage>`), whose one extension request was decided. */
  extensionStages: string[];
  /** Deadlines missed over the case's life; the second one is referred. */
  breaches: number;
  supervised: boolean;
  referralCount: number;
  /** The highest finding severity already referred (a spot-check's on creation, or a finding's). */
  referredSeverity: Severity | null;
  revisitEndsAt: string | null;
  mergedInto: string | null;
  policy: SlaPolicySnapshot | null;
  /** Which rule changes apply: a case started before one keeps the old rule (see workflows/case.workflow.ts). */
  rules: CaseRuleVersions;
  /** Sequence number of the last timeline event. */
  seq: number;
  /** Counts projection writes, so a late retry of an older write cannot overwrite a newer one. */
  revision: number;
  /** Set while the case is stalled; null (or absent) otherwise. */
  stalled?: CaseStall | null;
}

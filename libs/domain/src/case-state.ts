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
  /** One extension per stage step: set once a request was decided. */
  extensionUsed: boolean;
  /** Deadlines missed over the case's life; the second one is referred. */
  breaches: number;
  supervised: boolean;
  referralCount: number;
  revisitEndsAt: string | null;
  mergedInto: string | null;
  policy: SlaPolicySnapshot | null;
  /** Sequence number of the last timeline event. */
  seq: number;
  /** Counts projection writes, so a late retry of an older write cannot overwrite a newer one. */
  revision: number;
  /** Set while the case is stalled; null (or absent) otherwise. */
  stalled?: CaseStall | null;
}

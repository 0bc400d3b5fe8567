import type { CaseStall } from './case-state';
import type { ActorRef } from './case-actions';
import type { ReferralReason } from './case-rules';
import type { SlaTerms } from './sla';

export const REFERRAL_STATUSES = ['AWAITING_ACK', 'ACKNOWLEDGED', 'CONCLUDED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** 问责结果 */
export const ACCOUNTABILITY_OUTCOMES = ['NO_ACCOUNTABILITY', 'ADMONISHMENT_TALK', 'CIRCULATED_CRITICISM', 'DISCIPLINARY_SANCTION'] as const;
export type AccountabilityOutcome = (typeof ACCOUNTABILITY_OUTCOMES)[number];

export interface ReferralInput {
  referralId: string;
  caseId: string;
  caseNo: string;
  reason: ReferralReason;
  /** The office responsible for the case; its discipline body receives the referral. */
  handlingOrgId: number;
  terms: Pick<SlaTerms, 'timeUnit' | 'referralAcknowledge' | 'referralConclude' | 'supervisionGrace' | 'referralGrace'>;
}

export interface ReferralState {
  referralId: string;
  caseId: string;
  caseNo: string;
  reason: ReferralReason;
  status: ReferralStatus;
  disciplineOrgId: number | null;
  escalations: number;
  ackDeadlineAt: string | null;
  concludeDeadlineAt: string | null;
  /** When the running deadline (to acknowledge or to conclude, at the current level) started: a calendar change recomputes it from there. */
  deadlineStartedAt?: string | null;
  acknowledgedAt: string | null;
  concludedAt: string | null;
  outcome: AccountabilityOutcome | null;
  conclusion: string | null;
  /** Who took the last action: recorded in the audit trail with it. */
  lastActor: ActorRef | null;
  revision: number;
  /** Set while the referral is stalled on an effect that can never succeed as it stands; null (or absent) otherwise. */
  stalled?: CaseStall | null;
}

export interface AcknowledgeReferral {
  actor: ActorRef;
  note?: string;
}

export interface ConcludeReferral {
  actor: ActorRef;
  outcome: AccountabilityOutcome;
  conclusion: string;
}

export const referralWorkflowId = (referralId: string): string => `referral-${referralId}`;

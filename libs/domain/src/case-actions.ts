import type { Actor, CaseAction } from './case-state-machine';
import type { Satisfaction, Severity } from './case-vocabulary';

export const REJECT_REASONS = ['OUT_OF_SCOPE', 'NO_FACTS', 'DUPLICATE_OF_CLOSED'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const FINDING_RESULTS = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'UNSUBSTANTIATED'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];

export const SUPERVISOR_REVIEW_DECISIONS = ['CLOSE', 'REOPEN'] as const;
export type SupervisorReviewDecision = (typeof SUPERVISOR_REVIEW_DECISIONS)[number];

/** Who did it. The complainant has no user id or organization. */
export interface ActorRef {
  userId: number | null;
  role: Actor;
  organizationId: number | null;
}

export interface ActionPayloads {
  accept: { note?: string };
  reject: { reason: RejectReason; note: string };
  merge: { targetCaseId: string; targetCaseNo: string; note?: string };
  dispatch: { investigatingOrgId: number; hostUnitId: number; note?: string };
  finding: { result: FindingResult; severity: Severity; summary: string };
  sign: { note?: string };
  'submit-rectification': { plan: string; evidence: string[] };
  'approve-rectification': { note?: string };
  'return-rectification': { reason: string };
  reply: { content: string };
  'request-extension': { days: number; reason: string };
  'decide-extension': { approve: boolean; note?: string };
  /** A supervision order; in a supervisor review, `decision` closes or reopens; `rectificationDays` sets the rectification time. */
  supervise: { note: string; decision?: SupervisorReviewDecision; rectificationDays?: number };
  evaluate: { satisfaction: Satisfaction; comment?: string };
}

/** One human action, as the API sends it to the case workflow's Update of the same name. */
export type CaseCommand = { [A in CaseAction]: { action: A; actor: ActorRef; payload: ActionPayloads[A] } }[CaseAction];

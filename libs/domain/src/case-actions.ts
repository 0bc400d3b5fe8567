import type { Actor, CaseAction, FindingResult, RejectReason, StaffAction, SupervisorReviewDecision } from './case-state-machine';
import type { Satisfaction, Severity } from './case-vocabulary';
import type { EvidenceRef } from './evidence';

/** Who did it. The complainant has no user id or organization. */
export interface ActorRef {
  userId: number | null;
  role: Actor;
  organizationId: number | null;
}

/** What each action carries to the workflow (the fields of ACTION_RULES, plus what the API resolves). */
export interface ActionPayloads {
  accept: { note?: string };
  reject: { reason: RejectReason; note: string };
  /** `targetCaseNo` is looked up by the API, for the timeline. */
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
  /** Files already stored and recorded as pending; the projection marks them attached with this event. */
  'attach-evidence': { files: EvidenceRef[]; note?: string; forwarded?: boolean };
}

/** What a staff member sends for each action: the payload without what the API resolves itself. */
export type ActionBodies = { [A in StaffAction]: A extends 'merge' ? Omit<ActionPayloads['merge'], 'targetCaseNo'> : ActionPayloads[A] };

/** One human action, as the API sends it to the case workflow's Update of the same name. */
export interface CommandOf<A extends CaseAction> {
  action: A;
  actor: ActorRef;
  payload: ActionPayloads[A];
}
export type CaseCommand = { [A in CaseAction]: CommandOf<A> }[CaseAction];

import type { RetryPolicy, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AcknowledgeReferral,
  CampaignAnswer,
  CampaignCommand,
  CampaignInput,
  CampaignState,
  CaseAction,
  CaseState,
  CaseWorkflowInput,
  CircularCommand,
  CircularInput,
  CircularState,
  CommandOf,
  ConcludeReferral,
  ReferralInput,
  ReferralState,
  RetryStalled,
} from '../../domain/src';

/*
 * The boundary between the API and the workflows: workflow types, their queries, Updates and signals,
 * and the constants both sides share. Nothing here runs workflow code, so the API imports it freely;
 * the workflows set their handlers on the same definitions.
 */

export const CASE_WORKFLOW = 'caseWorkflow';
export type CaseWorkflow = (input: CaseWorkflowInput) => Promise<CaseState>;

export const REFERRAL_WORKFLOW = 'referralWorkflow';
export type ReferralWorkflow = (input: ReferralInput) => Promise<ReferralState>;

export const CALENDAR_BROADCAST_WORKFLOW = 'calendarBroadcastWorkflow';
export type CalendarBroadcastWorkflow = (afterCaseId?: string, signalled?: number, afterReferralId?: string | null) => Promise<number>;

export const CIRCULAR_WORKFLOW = 'circularWorkflow';
export type CircularWorkflow = (input: CircularInput) => Promise<CircularState>;

export const circularStateQuery = defineQuery<CircularState>('circularState');
/** edit, review, return or publish a circular; answers once the change is written (and audited). */
export const circularActionUpdate = defineUpdate<CircularState, [CircularCommand], 'circularAction'>('circularAction');

export const caseStateQuery = defineQuery<CaseState>('caseState');

export type CaseActionUpdate<A extends CaseAction> = UpdateDefinition<CaseState, [CommandOf<A>], A>;
const actionUpdate = <A extends CaseAction>(action: A): CaseActionUpdate<A> => defineUpdate<CaseState, [CommandOf<A>], A>(action);

/** One Update per human action, named as the action; it answers with the case once the change is written. */
export const caseActionUpdates: { [A in CaseAction]: CaseActionUpdate<A> } = {
  accept: actionUpdate('accept'),
  reject: actionUpdate('reject'),
  merge: actionUpdate('merge'),
  dispatch: actionUpdate('dispatch'),
  sign: actionUpdate('sign'),
  finding: actionUpdate('finding'),
  'submit-rectification': actionUpdate('submit-rectification'),
  'approve-rectification': actionUpdate('approve-rectification'),
  'return-rectification': actionUpdate('return-rectification'),
  reply: actionUpdate('reply'),
  'request-extension': actionUpdate('request-extension'),
  'decide-extension': actionUpdate('decide-extension'),
  supervise: actionUpdate('supervise'),
  evaluate: actionUpdate('evaluate'),
  'attach-evidence': actionUpdate('attach-evidence'),
};

/**
 * Carries out again the effect a stalled case stopped on, once the cause is fixed (ADMIN or SUPERVISOR).
 * Answers with the case once that attempt is over: running again, or stalled anew with the new reason.
 */
export const retryStalledUpdate = defineUpdate<CaseState, [RetryStalled], 'retryStalled'>('retryStalled');

/** Another case was merged into this one. */
export const caseMergedSignal = defineSignal<[{ caseId: string; caseNo: string }]>('caseMerged');

/** The working-day calendar changed: recompute the running deadlines (of a case or of a referral). */
export const calendarChangedSignal = defineSignal('calendarChanged');

export const referralStateQuery = defineQuery<ReferralState>('referralState');
export const acknowledgeReferralUpdate = defineUpdate<ReferralState, [AcknowledgeReferral], 'acknowledge'>('acknowledge');
export const concludeReferralUpdate = defineUpdate<ReferralState, [ConcludeReferral], 'conclude'>('conclude');
/** The referral's retryStalledUpdate: tries the stalled effect again (README, "Stalled cases"). */
export const retryStalledReferralUpdate = defineUpdate<ReferralState, [RetryStalled], 'retryStalled'>('retryStalled');

/** The error type an Update fails with when the rules refuse the action; the API answers 409 with its message. */
export const ACTION_REFUSED = 'ActionRefused';

/**
 * The error type an action's Update fails with when the case stalled before the action was carried out:
 * the action is kept and completes once the case is retried; the API answers 409 with the message.
 */
export const CASE_STALLED = 'CaseStalled';

/** Activities retry rather than lose a step while the database is down; errors that can never succeed say so (non-retryable). */
export const ACTIVITY_RETRY: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' };

export const CAMPAIGN_WORKFLOW = 'campaignWorkflow';
export type CampaignWorkflow = (input: CampaignInput) => Promise<CampaignState>;
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');
/** draw, assign, record an item's result or close a campaign; answers once the change is written (and audited). */
export const campaignActionUpdate = defineUpdate<CampaignAnswer, [CampaignCommand], 'campaignAction'>('campaignAction');

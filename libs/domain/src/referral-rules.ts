import type { ActorRef } from './case-actions';
import type { AccountabilityOutcome, ReferralState, ReferralStatus } from './referral';
import type { Role } from './roles';
import type { SlaTerms } from './sla';

export const REFERRAL_ACTIONS = ['acknowledge', 'conclude'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** The deadline that runs in a status, named by the SLA term that gives its length. */
export type ReferralDeadlineTerm = keyof Pick<SlaTerms, 'referralAcknowledge' | 'referralConclude'>;

export interface ReferralActionRule {
  from: ReferralStatus;
  actors: readonly Role[];
  leadsTo: ReferralStatus;
  /** The deadline the action starts, if any. */
  starts: ReferralDeadlineTerm | null;
  /** Why it is refused in another status. */
  notNow: string;
  summary: string;
}

/**
 * The one table of a discipline referral (PRODUCT.md, "Deadlines and escalation"): the discipline body
 * holding it acknowledges it (受理), then records the accountability outcome (问责结果). The referral
 * workflow's Update validators and the API read it.
 */
export const REFERRAL_RULES: Record<ReferralAction, ReferralActionRule> = {
  acknowledge: {
    from: 'AWAITING_ACK',
    actors: ['DISCIPLINE_OFFICER'],
    leadsTo: 'ACKNOWLEDGED',
    starts: 'referralConclude',
    notNow: 'the referral is not awaiting acknowledgement',
    summary: 'Acknowledge the referral (受理); the time to conclude starts',
  },
  conclude: {
    from: 'ACKNOWLEDGED',
    actors: ['DISCIPLINE_OFFICER'],
    leadsTo: 'CONCLUDED',
    starts: null,
    notNow: 'only an acknowledged referral can be concluded',
    summary: 'Record the accountability outcome (问责结果)',
  },
};

/** The deadline running while a referral is in a status: missing it moves the referral one level up. */
export const REFERRAL_STATUS_DEADLINES: Partial<Record<ReferralStatus, ReferralDeadlineTerm>> = {
  AWAITING_ACK: 'referralAcknowledge',
  ACKNOWLEDGED: 'referralConclude',
};

/** The deadline running now: its length in the policy's unit and its start, or null when none runs. */
export function runningReferralDeadline(state: ReferralState, terms: Pick<SlaTerms, ReferralDeadlineTerm>): { amount: number; startedAt: string } | null {
  const term = REFERRAL_STATUS_DEADLINES[state.status];
  if (!term || !state.deadlineStartedAt) return null;
  return { amount: terms[term], startedAt: state.deadlineStartedAt };
}

/** Sets the deadline of the referral's current status, started at `startedAt` (a new one, or the same one recomputed). */
export function setReferralDeadline(state: ReferralState, deadlineAt: string, startedAt: string): void {
  state.deadlineStartedAt = startedAt;
  if (state.status === 'AWAITING_ACK') state.ackDeadlineAt = deadlineAt;
  else if (state.status === 'ACKNOWLEDGED') state.concludeDeadlineAt = deadlineAt;
}

/** Why the actor may not take the action on the referral now, or null. */
export function refuseReferralAction(state: ReferralState, action: ReferralAction, actor: ActorRef): string | null {
  const rule = REFERRAL_RULES[action];
  if (actor.role === 'COMPLAINANT' || !rule.actors.includes(actor.role)) return 'only a discipline officer acts on a referral';
  if (actor.organizationId !== state.disciplineOrgId) return 'the referral is held by another discipline body now';
  if (state.status !== rule.from) return rule.notNow;
  return null;
}

/** The actions the actor may take on the referral now. */
export function availableReferralActions(state: ReferralState, actor: ActorRef): ReferralAction[] {
  return REFERRAL_ACTIONS.filter((action) => refuseReferralAction(state, action, actor) === null);
}

/** Applies an allowed acknowledgement. */
export function acknowledgeReferral(state: ReferralState, actor: ActorRef, now: string): void {
  state.status = REFERRAL_RULES.acknowledge.leadsTo;
  state.lastActor = actor;
  state.acknowledgedAt = now;
}

/** Applies an allowed conclusion. */
export function concludeReferral(state: ReferralState, actor: ActorRef, outcome: AccountabilityOutcome, conclusion: string, now: string): void {
  state.status = REFERRAL_RULES.conclude.leadsTo;
  state.lastActor = actor;
  state.concludedAt = now;
  state.outcome = outcome;
  state.conclusion = conclusion;
}

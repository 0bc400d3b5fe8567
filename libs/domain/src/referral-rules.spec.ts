import type { ActorRef } from './case-actions';
import type { ReferralState } from './referral';
import { acknowledgeReferral, availableReferralActions, concludeReferral, REFERRAL_RULES, refuseReferralAction, runningReferralDeadline, setReferralDeadline } from './referral-rules';

const OFFICER: ActorRef = { userId: 5, role: 'DISCIPLINE_OFFICER', organizationId: 110 };
const TERMS = { referralAcknowledge: 5, referralConclude: 30 };

function referral(overrides: Partial<ReferralState> = {}): ReferralState {
  return {
    referralId: 'case-1-1',
    caseId: 'case-1',
    caseNo: 'FT20260302-0001',
    reason: 'SERIOUS_FINDING',
    status: 'AWAITING_ACK',
    disciplineOrgId: 110,
    escalations: 0,
    ackDeadlineAt: '2026-03-09T16:00:00.000Z',
    concludeDeadlineAt: null,
    deadlineStartedAt: '2026-03-02T02:00:00.000Z',
    acknowledgedAt: null,
    concludedAt: null,
    outcome: null,
    conclusion: null,
    lastActor: null,
    revision: 1,
    ...overrides,
  };
}

describe('refuseReferralAction: the Update validators of the referral workflow', () => {
  it('only the discipline body that holds the referral now acts on it', () => {
    expect(refuseReferralAction(referral(), 'acknowledge', OFFICER)).toBeNull();
    // Escalated one level up: the body below no longer holds it.
    const escalated = referral({ disciplineOrgId: 100, escalations: 1 });
    expect(refuseReferralAction(escalated, 'acknowledge', OFFICER)).toBe('the referral is held by another discipline body now');
    expect(refuseReferralAction(escalated, 'acknowledge', { ...OFFICER, organizationId: 100 })).toBeNull();
  });

  it('only a discipline officer, and only in the status the action comes from', () => {
    expect(refuseReferralAction(referral(), 'acknowledge', { userId: 1, role: 'HANDLER', organizationId: 110 })).toBe('only a discipline officer acts on a referral');
    expect(refuseReferralAction(referral(), 'conclude', OFFICER)).toBe('only an acknowledged referral can be concluded');
    expect(refuseReferralAction(referral({ status: 'ACKNOWLEDGED' }), 'acknowledge', OFFICER)).toBe('the referral is not awaiting acknowledgement');
    expect(availableReferralActions(referral({ status: 'ACKNOWLEDGED' }), OFFICER)).toEqual(['conclude']);
    expect(availableReferralActions(referral({ status: 'CONCLUDED' }), OFFICER)).toEqual([]);
  });
});

describe('the running deadline of a referral', () => {
  it('is the acknowledgement, then the conclusion, counted from its start; none once concluded', () => {
    expect(runningReferralDeadline(referral(), TERMS)).toEqual({ amount: 5, startedAt: '2026-03-02T02:00:00.000Z' });
    expect(runningReferralDeadline(referral({ status: 'ACKNOWLEDGED', deadlineStartedAt: '2026-03-03T02:00:00.000Z' }), TERMS)).toEqual({ amount: 30, startedAt: '2026-03-03T02:00:00.000Z' });
    expect(runningReferralDeadline(referral({ status: 'CONCLUDED' }), TERMS)).toBeNull();
    expect(runningReferralDeadline(referral({ deadlineStartedAt: undefined }), TERMS)).toBeNull();
  });

  it('a recomputed deadline replaces the one of the current status only', () => {
    const state = referral({ status: 'ACKNOWLEDGED', concludeDeadlineAt: '2026-04-14T16:00:00.000Z' });
    setReferralDeadline(state, '2026-04-15T16:00:00.000Z', '2026-03-03T02:00:00.000Z');
    expect(state).toMatchObject({ ackDeadlineAt: '2026-03-09T16:00:00.000Z', concludeDeadlineAt: '2026-04-15T16:00:00.000Z', deadlineStartedAt: '2026-03-03T02:00:00.000Z' });
  });
});

describe('acknowledgeReferral and concludeReferral', () => {
  it('move the referral through the table, recording who acted', () => {
    const state = referral();
    acknowledgeReferral(state, OFFICER, '2026-03-03T01:00:00.000Z');
    expect(state).toMatchObject({ status: REFERRAL_RULES.acknowledge.leadsTo, acknowledgedAt: '2026-03-03T01:00:00.000Z', lastActor: OFFICER });
    expect(availableReferralActions(state, OFFICER)).toEqual(['conclude']);
    concludeReferral(state, OFFICER, 'ADMONISHMENT_TALK', '约谈', '2026-03-10T01:00:00.000Z');
    expect(state).toMatchObject({ status: 'CONCLUDED', outcome: 'ADMONISHMENT_TALK', conclusion: '约谈', concludedAt: '2026-03-10T01:00:00.000Z' });
    expect(availableReferralActions(state, OFFICER)).toEqual([]);
  });
});

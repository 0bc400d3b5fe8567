import type { ActorRef } from './case-actions';
import type { ReferralState } from './referral';
import { acknowledgeReferral, availableReferralActions, concludeReferral, REFERRAL_RULES, refuseReferralAction } from './referral-rules';

const HOLDER = 110;
const officer = (organizationId: number): ActorRef => ({ userId: 5, role: 'DISCIPLINE_OFFICER', organizationId });

function referral(overrides: Partial<ReferralState> = {}): ReferralState {
  return {
    referralId: 'case-1-1',
    caseId: 'case-1',
    caseNo: 'FT20260302-0001',
    reason: 'OVERDUE',
    status: 'AWAITING_ACK',
    disciplineOrgId: HOLDER,
    escalations: 0,
    ackDeadlineAt: '2026-03-09T16:00:00.000Z',
    concludeDeadlineAt: null,
    acknowledgedAt: null,
    concludedAt: null,
    outcome: null,
    conclusion: null,
    lastActor: null,
    revision: 1,
    ...overrides,
  };
}

describe('refuseReferralAction', () => {
  it('lets the officer of the body holding the referral acknowledge, then conclude', () => {
    const state = referral();
    expect(availableReferralActions(state, officer(HOLDER))).toEqual(['acknowledge']);
    acknowledgeReferral(state, officer(HOLDER), '2026-03-03T01:00:00.000Z');
    expect(state).toMatchObject({ status: REFERRAL_RULES.acknowledge.leadsTo, acknowledgedAt: '2026-03-03T01:00:00.000Z', lastActor: officer(HOLDER) });
    expect(availableReferralActions(state, officer(HOLDER))).toEqual(['conclude']);
    concludeReferral(state, officer(HOLDER), 'ADMONISHMENT_TALK', '约谈', '2026-03-10T01:00:00.000Z');
    expect(state).toMatchObject({ status: 'CONCLUDED', outcome: 'ADMONISHMENT_TALK', conclusion: '约谈' });
    expect(availableReferralActions(state, officer(HOLDER))).toEqual([]);
  });

  it('refuses an officer of a body that no longer holds it (the referral moved up a level)', () => {
    expect(refuseReferralAction(referral({ disciplineOrgId: 100, escalations: 1 }), 'acknowledge', officer(HOLDER))).toBe('the referral is held by another discipline body now');
  });

  it('refuses other roles, and each action outside its status', () => {
    expect(refuseReferralAction(referral(), 'acknowledge', { userId: 1, role: 'HANDLER', organizationId: HOLDER })).toBe('only a discipline officer acts on a referral');
    expect(refuseReferralAction(referral(), 'conclude', officer(HOLDER))).toBe(REFERRAL_RULES.conclude.notNow);
    expect(refuseReferralAction(referral({ status: 'ACKNOWLEDGED' }), 'acknowledge', officer(HOLDER))).toBe(REFERRAL_RULES.acknowledge.notNow);
  });
});

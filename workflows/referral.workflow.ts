import { ApplicationFailure, condition, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities, ReferralActivities } from '../activities';
import {
  acknowledgeReferral,
  concludeReferral,
  refuseReferralAction,
  runningReferralDeadline,
  setReferralDeadline,
  STALL_RETRY_ROLES,
  stalledRefusal,
  type ActorRef,
  type ReferralAction,
  type ReferralInput,
  type ReferralState,
} from '../libs/domain/src';
import {
  ACTION_REFUSED,
  ACTIVITY_RETRY,
  acknowledgeReferralUpdate,
  calendarChangedSignal,
  concludeReferralUpdate,
  referralStateQuery,
  retryStalledReferralUpdate,
} from '../libs/temporal/src/workflow-contracts';
import { failureReason, isPermanent } from './activity-failures';

const queuedActivities = proxyActivities<CaseActivities & ReferralActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });
type ReferralCalls = typeof queuedActivities;

/** The patch after which a referral builds its package as a PDF (case file, timeline, evidence manifest with hashes). */
export const REFERRAL_PACKAGE_PDF = 'referral-package-pdf';

/** The referral's counterpart of the case's patch: taken only when an effect fails for good. */
export const REFERRAL_STALL_ON_PERMANENT_FAILURE = 'referral-stall-on-permanent-failure';

/**
 * A referral to a discipline inspection body (移送纪检监察): it must be acknowledged within its
 * deadline and concluded with an accountability outcome within the next; a missed deadline moves
 * it to the discipline body one level up.
 */
export async function referralWorkflow(input: ReferralInput): Promise<ReferralState> {
  const state: ReferralState = {
    referralId: input.referralId,
    caseId: input.caseId,
    caseNo: input.caseNo,
    reason: input.reason,
    status: 'AWAITING_ACK',
    disciplineOrgId: null,
    escalations: 0,
    ackDeadlineAt: null,
    concludeDeadlineAt: null,
    deadlineStartedAt: null,
    acknowledgedAt: null,
    concludedAt: null,
    outcome: null,
    conclusion: null,
    lastActor: null,
    revision: 0,
  };
  // Each change asks for a write; an Update answers once a write that includes its change is done.
  let requested = 0;
  let written = 0;
  const changed = async () => {
    const ticket = ++requested;
    await condition(() => written >= ticket);
    return state;
  };
  setHandler(referralStateQuery, () => state);
  // A newly published holiday arrangement moves the running deadline (the calendar broadcast sends this).
  let calendarChanged = false;
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });
  const validator = (action: ReferralAction) => ({ actor }: { actor: ActorRef }) => {
    const refusal = state.stalled ? stalledRefusal(state.stalled, 'referral') : refuseReferralAction(state, action, actor);
    if (refusal) throw ApplicationFailure.create({ type: ACTION_REFUSED, message: refusal, nonRetryable: true });
  };
  setHandler(
    acknowledgeReferralUpdate,
    async ({ actor }) => {
      acknowledgeReferral(state, actor, new Date().toISOString());
      return changed();
    },
    { validator: validator('acknowledge') },
  );
  setHandler(
    concludeReferralUpdate,
    async ({ actor, outcome, conclusion }) => {
      concludeReferral(state, actor, outcome, conclusion, new Date().toISOString());
      return changed();
    },
    { validator: validator('conclude') },
  );

  // An effect that fails for good stalls the referral (on its state and in the worker's log) until an
  // administrator or supervisor retries it with the retryStalled Update, once the cause is fixed.
  let stalls = 0;
  let retries = 0;
  setHandler(
    retryStalledReferralUpdate,
    async () => {
      const stallsBefore = stalls;
      retries += 1;
      await condition(() => !state.stalled || stalls > stallsBefore);
      return state;
    },
    {
      validator: ({ actor }) => {
        const refusal =
          actor.role === 'COMPLAINANT' || !STALL_RETRY_ROLES.includes(actor.role)
            ? `retry needs the role ${STALL_RETRY_ROLES.join(' or ')}`
            : state.stalled
              ? null
              : 'the referral is not stalled: there is nothing to retry';
        if (refusal) throw ApplicationFailure.create({ type: ACTION_REFUSED, message: refusal, nonRetryable: true });
      },
    },
  );
  const attempt = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        const result = await call();
        state.stalled = null;
        return result;
      } catch (error) {
        if (!isPermanent(error) || !patched(REFERRAL_STALL_ON_PERMANENT_FAILURE)) throw error;
        stalls += 1;
        state.stalled = { reason: failureReason(error), at: new Date().toISOString() };
        log.error('referral stalled: an effect can never succeed as it stands', { referralId: state.referralId, reason: state.stalled.reason });
        const asked = retries;
        await condition(() => retries > asked);
      }
    }
  };
  const activities = new Proxy(queuedActivities, {
    get: (target, name: keyof ReferralCalls) => (...args: unknown[]) => attempt(() => (target[name] as (...a: unknown[]) => Promise<unknown>)(...args)),
  });

  const write = async () => {
    const upTo = requested;
    state.revision += 1;
    await activities.projectReferral(state, new Date().toISOString());
    written = upTo;
  };

  state.disciplineOrgId = await activities.disciplineBodyFor(input.handlingOrgId);
  const registeredAt = new Date().toISOString();
  setReferralDeadline(state, (await activities.computeDeadline(registeredAt, input.terms.referralAcknowledge, input.terms)).deadlineAt, registeredAt);
  state.revision += 1;
  await activities.registerReferral(state, new Date().toISOString());
  await notifyBody(activities, state, 'REFERRAL_RECEIVED', `referral of case ${state.caseNo} (${state.reason}): acknowledge by ${state.ackDeadlineAt}`);
  // Its SHA-256 is on the referral row and in the audit trail; the workflow keeps nothing of its content.
  if (patched(REFERRAL_PACKAGE_PDF)) await activities.buildReferralPackage(state.referralId);

  for (const phase of ['AWAITING_ACK', 'ACKNOWLEDGED'] as const) {
    for (;;) {
      const deadline = phase === 'AWAITING_ACK' ? state.ackDeadlineAt! : state.concludeDeadlineAt!;
      await condition(() => state.status !== phase || written < requested || calendarChanged, Math.max(Date.parse(deadline) - Date.now(), 0));
      if (written < requested) await write();
      // An answer that came with the deadline's own activation still counts: check the state, not how the wait ended.
      if (state.status !== phase) break;
      if (calendarChanged) {
        calendarChanged = false;
        const running = runningReferralDeadline(state, input.terms);
        if (running) {
          setReferralDeadline(state, (await activities.computeDeadline(running.startedAt, running.amount, input.terms)).deadlineAt, running.startedAt);
          await write();
        }
        continue;
      }
      if (Date.now() < Date.parse(deadline)) continue;
      await escalateOneLevel(activities, state, input, phase);
    }
    if (phase === 'AWAITING_ACK') {
      state.concludeDeadlineAt = (await activities.computeDeadline(state.acknowledgedAt!, input.terms.referralConclude, input.terms)).deadlineAt;
      state.deadlineStartedAt = state.acknowledgedAt;
      await write();
    }
  }
  await notifyBody(activities, state, 'REFERRAL_CONCLUDED', `referral of case ${state.caseNo} concluded: ${state.outcome}`);
  return state;
}

/** A missed referral deadline: the body one level up takes it over, with a fresh deadline of the same length. */
async function escalateOneLevel(activities: ReferralCalls, state: ReferralState, input: ReferralInput, phase: 'AWAITING_ACK' | 'ACKNOWLEDGED'): Promise<void> {
  const missed = state.disciplineOrgId!;
  state.lastActor = null;
  state.disciplineOrgId = await activities.nextDisciplineBody(missed);
  state.escalations += 1;
  const amount = phase === 'AWAITING_ACK' ? input.terms.referralAcknowledge : input.terms.referralConclude;
  const now = new Date().toISOString();
  const deadlineAt = (await activities.computeDeadline(now, amount, input.terms)).deadlineAt;
  if (phase === 'AWAITING_ACK') state.ackDeadlineAt = deadlineAt;
  else state.concludeDeadlineAt = deadlineAt;
  state.deadlineStartedAt = now;
  state.revision += 1;
  await activities.projectReferral(state, new Date().toISOString());
  await notifyBody(activities, state, 'REFERRAL_ESCALATED', `referral of case ${state.caseNo} overdue at the level below (${phase}); now due ${deadlineAt}`);
}

async function notifyBody(activities: ReferralCalls, state: ReferralState, notice: string, message: string): Promise<void> {
  await activities.sendNotice({
    caseId: state.caseId,
    referralId: state.referralId,
    key: `referral.${state.referralId}.${state.revision}.${notice}`,
    notice,
    message,
    to: [{ orgId: state.disciplineOrgId!, role: 'DISCIPLINE_OFFICER', level: 'SELF' }],
    at: new Date().toISOString(),
  });
}

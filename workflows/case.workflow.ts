import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities } from '../activities';
import {
  admit,
  advanceRevision,
  applyCommand,
  applyTimeEffect,
  calendarQuestion,
  caseSearchValues,
  CASE_ACTIONS,
  caseWorkflowId,
  decisionNoticeKey,
  escalate,
  initialCaseState,
  nextWakeAt,
  referralWorkflowId,
  refuseCommand,
  refuseRetry,
  type ActorRef,
  type CaseAction,
  type CaseEffect,
  type CaseSearchValues,
  type CaseState,
  type CaseWorkflowInput,
  type CommandOf,
  type Decision,
  type ReferralReason,
} from '../libs/domain/src';
import { CaseStageKey, CaseStatusKey, DeadlineAtKey, SeverityKey } from '../libs/temporal/src/search-attributes';
import {
  ACTION_REFUSED,
  ACTIVITY_RETRY,
  calendarChangedSignal,
  caseActionUpdates,
  CASE_STALLED,
  caseMergedSignal,
  caseStateQuery,
  retryStalledUpdate,
} from '../libs/temporal/src/workflow-contracts';
import { failureReason, isPermanent } from './activity-failures';
import { referralWorkflow } from './referral.workflow';
import { requestScope } from './request-id.storage';

export type { CaseState } from '../libs/domain/src';

const retry = ACTIVITY_RETRY;

/** Activities through the task queue: how cases started before LOCAL_ACTIVITIES ran theirs, so they replay the same. */
const queuedActivities = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * The same activities run by the worker inside the workflow task: each is a short database or calendar
 * call, and a round trip through the server for each costs more than the call itself.
 */
const localActivities = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });

/** The patch that moved the case's activities into the workflow task. */
export const LOCAL_ACTIVITIES = 'local-activities';

/** The patch after which a finding is not referred again at a severity already referred. */
export const FINDING_REFERRED_ONCE = 'finding-referred-once';

/** The patch after which a supervision order on a missed deadline sets a new deadline with its own escalation. */
export const SUPERVISION_DEADLINE = 'supervision-deadline';

/**
 * The patch after which a decision is one local activity and one database transaction (deadlines, projection,
 * notices), and registration brings the policy along; cases started before it keep an activity per effect.
 */
export const ONE_TRANSACTION_PER_DECISION = 'one-transaction-per-decision';

type CaseCalls = typeof queuedActivities;
/** Runs a call until it succeeds, stalling the case on a failure no retry can cure (see `attempt` below). */
type Attempt = <T>(call: () => Promise<T>) => Promise<T>;

/**
 * The patch that stalls a case on an effect no retry can cure (README, "Stalled cases") instead of failing
 * the workflow. Taken only when such a failure happens, so histories without one replay unchanged.
 */
export const STALL_ON_PERMANENT_FAILURE = 'stall-on-permanent-failure';

/** One case, from submission to closing. The workflow is the only writer of the case's state. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const activities: CaseCalls = patched(LOCAL_ACTIVITIES) ? localActivities : queuedActivities;
  // Decided once, at the start, like the patch above: a running case keeps the calls it started with.
  const oneTransaction = patched(ONE_TRANSACTION_PER_DECISION);
  const state = initialCaseState(input);
  // Decided once, at the start: a case keeps the rules it started with, so older histories replay on theirs.
  state.rules = { findingReferredOnce: patched(FINDING_REFERRED_ONCE), supervisionDeadline: patched(SUPERVISION_DEADLINE) };
  // Decisions wait here for their effects (activities, timers, children) to be carried out in order,
  // each under the request id that brought it (its activities log it).
  const queue: { decision: Decision; scope: ReturnType<typeof requestScope> }[] = [];
  // Until the case is registered and admitted, an action would be applied to a state that the admission resets.
  let admitted = false;
  let received = 0;
  let carriedOut = 0;
  // Stalls so far, retries asked for, and who asked last (for the audit trail).
  let stalls = 0;
  let retries = 0;
  let retriedBy: ActorRef | null = null;
  const enqueue = (decision: Decision): number => {
    queue.push({ decision, scope: requestScope() });
    return ++received;
  };

  const handleAction = (action: CaseAction) => {
    const update: UpdateDefinition<CaseState, [CommandOf<CaseAction>]> = caseActionUpdates[action];
    setHandler(
      update,
      async (command) => {
        const stallsBefore = stalls;
        const ticket = enqueue(applyCommand(state, command));
        // Answer once the projection is written, so the caller reads its own change; or at once if the case stalls first.
        await condition(() => carriedOut >= ticket || stalls > stallsBefore);
        if (carriedOut < ticket) {
          throw ApplicationFailure.create({
            type: CASE_STALLED,
            message: `the case is stalled: ${state.stalled?.reason ?? 'unknown'}; the ${action} is kept and completes once the case is retried`,
            nonRetryable: true,
          });
        }
        return state;
      },
      {
        validator: (command) => {
          const refusal =
            command.action !== action
              ? `the ${action} update cannot carry a ${command.action} command`
              : !admitted
                ? 'the case is still being registered: try again in a moment'
                : refuseCommand(state, command, new Date());
          if (refusal) throw ApplicationFailure.create({ type: ACTION_REFUSED, message: refusal, nonRetryable: true });
        },
      },
    );
  };
  setHandler(caseStateQuery, () => state);
  setHandler(
    retryStalledUpdate,
    async ({ actor }) => {
      const stallsBefore = stalls;
      retriedBy = actor;
      retries += 1;
      // Answer once the stalled effect was tried again: the case runs again, or it stalled anew.
      await condition(() => !state.stalled || stalls > stallsBefore);
      return state;
    },
    {
      validator: ({ actor }) => {
        const refusal = refuseRetry(state, actor);
        if (refusal) throw ApplicationFailure.create({ type: ACTION_REFUSED, message: refusal, nonRetryable: true });
      },
    },
  );
  for (const action of CASE_ACTIONS) handleAction(action);
  setHandler(caseMergedSignal, ({ caseNo }) => {
    enqueue({ events: [{ type: 'MERGED_IN', note: `case ${caseNo} merged into this one`, isPublic: false, actor: null }], effects: [] });
  });
  setHandler(calendarChangedSignal, () => {
    if (state.deadline) enqueue({ events: [], effects: [{ type: 'resizeDeadline', amount: state.deadline.amount }] });
  });

  /** Writes the stall, or its end, where staff see it; the stall stays on the workflow's state even if that write fails for good. */
  const report = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      if (!isPermanent(error)) throw error;
      log.error('the case stall could not be recorded', { caseId: state.caseId, reason: failureReason(error) });
    }
  };

  /** Stops the case, visibly, until an administrator or supervisor retries it. */
  const stall = async (failure: Parameters<typeof failureReason>[0]): Promise<void> => {
    stalls += 1;
    const stallNo = stalls;
    const stalled = { reason: failureReason(failure), at: new Date().toISOString() };
    state.stalled = stalled;
    log.error('case stalled: an effect can never succeed as it stands', { caseId: state.caseId, reason: stalled.reason });
    // A stall after the first comes from a retry: the audit record names who retried.
    const actor = stallNo > 1 ? retriedBy : null;
    await report(() => activities.recordStall(state.caseId, stalled, stallNo, actor, stalled.at));
    const office = state.handlingOrgId;
    if (office !== null) {
      const to = [{ orgId: office, role: 'SUPERVISOR' as const, level: 'SELF' as const }];
      const message = `case ${state.caseNo} is stalled: ${stalled.reason}`;
      await report(() => activities.sendNotice({ caseId: state.caseId, referralId: null, key: `case.${state.caseId}.stall.${stallNo}`, notice: 'CASE_STALLED', message, to, at: stalled.at }));
    }
    const asked = retries;
    await condition(() => retries > asked);
  };

  /** One activity call; one that fails for good stalls the case and is tried again on each retry, until it succeeds. */
  const attempt: Attempt = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        const result = await call();
        if (state.stalled) {
          const stallNo = stalls;
          state.stalled = null;
          await report(() => activities.recordStall(state.caseId, null, stallNo, retriedBy, new Date().toISOString()));
        }
        return result;
      } catch (error) {
        if (!isPermanent(error) || !patched(STALL_ON_PERMANENT_FAILURE)) throw error;
        await stall(error);
      }
    }
  };
  const effects = new Proxy(activities, {
    get: (target, name: keyof CaseCalls) => (...args: unknown[]) => attempt(() => (target[name] as (...a: unknown[]) => Promise<unknown>)(...args)),
  });

  if (oneTransaction) {
    const registered = await effects.registerCaseWithPolicy(input);
    state.handlingOrgId = registered.handlingOrgId;
    state.seq = 1;
    state.policy = registered.policy;
  } else {
    const registered = await effects.registerCase(input);
    state.handlingOrgId = registered.handlingOrgId;
    state.seq = 1;
    state.policy = await effects.resolvePolicy(input.category, input.severity);
  }
  enqueue(admit(state));
  admitted = true;

  for (;;) {
    const wakeAt = nextWakeAt(state);
    if (queue.length === 0) {
      if (wakeAt === null) await condition(() => queue.length > 0);
      else await condition(() => queue.length > 0, Math.max(wakeAt - Date.now(), 0));
    }
    if (queue.length === 0 && wakeAt !== null && Date.now() >= wakeAt) enqueue(escalate(state, new Date()));
    while (queue.length > 0) {
      const { decision, scope } = queue.shift()!;
      await scope(() => (oneTransaction ? carryOutInOne(activities, attempt, state, decision) : carryOut(effects, state, decision)));
      carriedOut += 1;
    }
    if (state.status === 'CLOSED') break;
  }
  await condition(allHandlersFinished);
  return state;
}

/**
 * Carries out one decision with one local activity: it computes the deadlines, writes the projection and the
 * notices in one transaction, and answers with the calendar's values, which the workflow applies here with
 * the same rules (libs/domain), and the search attributes of the row it wrote.
 */
async function carryOutInOne(activities: CaseCalls, attempt: Attempt, state: CaseState, decision: Decision): Promise<void> {
  const now = new Date().toISOString();
  // Applied as part of the attempt: a retry of a stalled decision answers with the decision applied.
  const search = await attempt(async () => {
    const { timeValues, search } = await activities.carryOutDecision(state, decision, now);
    for (const [index, effect] of decision.effects.entries()) applyTimeEffect(state, effect, timeValues[index], now);
    advanceRevision(state, decision);
    return search;
  });
  upsertCaseSearchAttributes(search);
  await messageWorkflows(state, decision);
}

/** Carries out one decision (cases started before ONE_TRANSACTION_PER_DECISION): deadlines, projection, notices, each its own activity. */
async function carryOut(activities: CaseCalls, state: CaseState, decision: Decision): Promise<void> {
  const now = new Date().toISOString();
  for (const effect of decision.effects) await applyTimeEffectByActivity(activities, state, effect, now);

  const firstSeq = advanceRevision(state, decision);
  await activities.projectCase(state, decision.events, firstSeq, now);
  upsertCaseSearchAttributes(caseSearchValues(state));

  for (const [index, effect] of decision.effects.entries()) {
    if (effect.type === 'notify') {
      await activities.sendNotice({ caseId: state.caseId, referralId: null, key: decisionNoticeKey(state, index), notice: effect.notice, message: effect.message, to: effect.to, at: now });
    } else {
      await messageWorkflow(state, effect);
    }
  }
}

function upsertCaseSearchAttributes(search: CaseSearchValues): void {
  upsertSearchAttributes([
    { key: CaseStageKey, value: search.stage },
    { key: CaseStatusKey, value: search.status },
    { key: SeverityKey, value: search.severity },
    { key: DeadlineAtKey, value: search.deadlineAt ? new Date(search.deadlineAt) : null },
  ]);
}

/** The effects that reach other workflows (a referral child, the merge target), in the decision's order. */
async function messageWorkflows(state: CaseState, decision: Decision): Promise<void> {
  for (const effect of decision.effects) await messageWorkflow(state, effect);
}

async function messageWorkflow(state: CaseState, effect: CaseEffect): Promise<void> {
  if (effect.type === 'refer') {
    await startReferral(state, effect.reason, effect.sequence);
  } else if (effect.type === 'announceMerge') {
    await getExternalWorkflowHandle(caseWorkflowId(effect.targetCaseId))
      .signal(caseMergedSignal, { caseId: state.caseId, caseNo: state.caseNo })
      .catch(() => undefined); // the target closed meanwhile: this case's own timeline still says where it went
  }
}

/** Asks the calendar activity what a time effect needs, then applies it with the domain rule. */
async function applyTimeEffectByActivity(activities: CaseCalls, state: CaseState, effect: CaseEffect, now: string): Promise<void> {
  const question = calendarQuestion(state, effect, now);
  const terms = state.policy!;
  const value =
    question === null
      ? null
      : question.kind === 'deadline'
        ? await activities.computeDeadline(question.from, question.amount, terms)
        : await activities.revisitWindowEnd(question.from, question.amount, terms.timeUnit);
  applyTimeEffect(state, effect, value, now);
}

/** A discipline referral runs as a child that outlives the case if it must. */
async function startReferral(state: CaseState, reason: ReferralReason, sequence: number): Promise<void> {
  const referralId = `${state.caseId}-${sequence}`;
  await startChild(referralWorkflow, {
    workflowId: referralWorkflowId(referralId),
    args: [{ referralId, caseId: state.caseId, caseNo: state.caseNo, reason, handlingOrgId: state.handlingOrgId!, terms: state.policy! }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}

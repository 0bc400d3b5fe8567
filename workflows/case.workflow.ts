import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { RetryPolicy, UpdateDefinition } from '@temporalio/common';
import type { CaseActivities } from '../activities';
import {
  admit,
  applyCommand,
  CASE_ACTIONS,
  caseWorkflowId,
  escalate,
  initialCaseState,
  nextWakeAt,
  referralWorkflowId,
  refuseCommand,
  STEP_RULES,
  type CaseAction,
  type CaseCommand,
  type CaseEffect,
  type CaseState,
  type CaseWorkflowInput,
  type Decision,
  type ReferralReason,
} from '../libs/domain/src';
import { CaseStageKey, CaseStatusKey, DeadlineAtKey, SeverityKey } from '../libs/temporal/src/search-attributes';
import { referralWorkflow } from './referral.workflow';

export type { CaseState } from '../libs/domain/src';

export const caseStateQuery = defineQuery<CaseState>('caseState');

/** One Update per human action, named as the action; the validator refuses what the rules do not allow now. */
export const caseActionUpdates = Object.fromEntries(CASE_ACTIONS.map((action) => [action, defineUpdate<CaseState, [CaseCommand]>(action)])) as Record<
  CaseAction,
  UpdateDefinition<CaseState, [CaseCommand]>
>;

/** Another case was merged into this one. */
export const caseMergedSignal = defineSignal<[{ caseId: string; caseNo: string }]>('caseMerged');

/** The working-day calendar changed: recompute the running deadline. */
export const calendarChangedSignal = defineSignal('calendarChanged');

/** The error type a refused action fails its Update with; the API answers 409 with its message. */
export const ACTION_REFUSED = 'ActionRefused';

// The database may be down for a while: keep trying rather than lose a step of the case.
const retry: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' };

/** Activities through the task queue: how cases started before LOCAL_ACTIVITIES ran theirs, so they replay the same. */
const queuedActivities = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * The same activities run by the worker inside the workflow task: each is a short database or calendar
 * call, and a round trip through the server for each costs more than the call itself.
 */
const localActivities = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });

/** The patch that moved the case's activities into the workflow task. */
export const LOCAL_ACTIVITIES = 'local-activities';

type CaseCalls = typeof queuedActivities;

/** One case, from submission to closing. The workflow is the only writer of the case's state. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const activities: CaseCalls = patched(LOCAL_ACTIVITIES) ? localActivities : queuedActivities;
  const state = initialCaseState(input);
  // Decisions wait here for their effects (activities, timers, children) to be carried out in order.
  const queue: Decision[] = [];
  // Until the case is registered and admitted, an action would be applied to a state that the admission resets.
  let admitted = false;
  let received = 0;
  let carriedOut = 0;
  const enqueue = (decision: Decision): number => {
    queue.push(decision);
    return ++received;
  };

  setHandler(caseStateQuery, () => state);
  for (const action of CASE_ACTIONS) {
    setHandler(
      caseActionUpdates[action],
      async (command: CaseCommand) => {
        const ticket = enqueue(applyCommand(state, command));
        // Answer once the projection is written, so the caller reads its own change.
        await condition(() => carriedOut >= ticket);
        return state;
      },
      {
        validator: (command: CaseCommand) => {
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
  }
  setHandler(caseMergedSignal, ({ caseNo }) => {
    enqueue({ events: [{ type: 'MERGED_IN', note: `case ${caseNo} merged into this one`, isPublic: false, actor: null }], effects: [] });
  });
  setHandler(calendarChangedSignal, () => {
    if (state.deadline) enqueue({ events: [], effects: [{ type: 'resizeDeadline', amount: state.deadline.amount }] });
  });

  const registered = await activities.registerCase(input);
  state.handlingOrgId = registered.handlingOrgId;
  state.seq = 1;
  state.policy = await activities.resolvePolicy(input.category, input.severity);
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
      await carryOut(activities, state, queue.shift()!);
      carriedOut += 1;
    }
    if (state.status === 'CLOSED') break;
  }
  await condition(allHandlersFinished);
  return state;
}

/** Carries out one decision: deadlines first, then the projection, then messages to people and other workflows. */
async function carryOut(activities: CaseCalls, state: CaseState, decision: Decision): Promise<void> {
  const now = new Date().toISOString();
  for (const effect of decision.effects) await applyTimeEffect(activities, state, effect, now);

  const firstSeq = state.seq + 1;
  state.seq += decision.events.length;
  state.revision += 1;
  await activities.projectCase(state, decision.events, firstSeq, now);
  upsertSearchAttributes([
    { key: CaseStageKey, value: STEP_RULES[state.step].stage },
    { key: CaseStatusKey, value: state.status },
    { key: SeverityKey, value: state.severity },
    { key: DeadlineAtKey, value: state.deadline ? new Date(state.deadline.deadlineAt) : null },
  ]);

  for (const [index, effect] of decision.effects.entries()) {
    if (effect.type === 'notify') {
      await activities.sendNotice({ caseId: state.caseId, referralId: null, key: `case.${state.caseId}.${state.revision}.${index}`, notice: effect.notice, message: effect.message, to: effect.to, at: now });
    } else if (effect.type === 'refer') {
      await startReferral(state, effect.reason, effect.sequence);
    } else if (effect.type === 'announceMerge') {
      await getExternalWorkflowHandle(caseWorkflowId(effect.targetCaseId))
        .signal(caseMergedSignal, { caseId: state.caseId, caseNo: state.caseNo })
        .catch(() => undefined); // the target closed meanwhile: this case's own timeline still says where it went
    }
  }
}

async function applyTimeEffect(activities: CaseCalls, state: CaseState, effect: CaseEffect, now: string): Promise<void> {
  const terms = state.policy!;
  if (effect.type === 'startDeadline') {
    const schedule = await activities.computeDeadline(now, effect.amount, terms);
    state.deadline = { ...schedule, kind: effect.kind, amount: effect.amount };
    state.escalation = { warned: false, reminded: false, supervised: false, referred: false };
  } else if (effect.type === 'resizeDeadline' && state.deadline) {
    const schedule = await activities.computeDeadline(state.deadline.startedAt, effect.amount, terms);
    const moved = { ...state.deadline, ...schedule, amount: effect.amount };
    state.deadline = moved;
    // Escalations whose instant moved into the future may fire again at the new time.
    const future = (at: string) => Date.parse(at) > Date.parse(now);
    const e = state.escalation;
    state.escalation = {
      warned: e.warned && !future(moved.warnAt),
      reminded: e.reminded && !future(moved.deadlineAt),
      supervised: e.supervised && !future(moved.supervisionAt),
      referred: e.referred, // one referral per deadline, however it moves
    };
    // A missed deadline moved back into the future is not missed any more: missing it again is the same breach.
    if (e.reminded && !state.escalation.reminded) state.breaches -= 1;
  } else if (effect.type === 'clearDeadline') {
    state.deadline = null;
  } else if (effect.type === 'openRevisitWindow') {
    state.revisitEndsAt = await activities.revisitWindowEnd(now, terms.revisitWindow, terms.timeUnit);
  }
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

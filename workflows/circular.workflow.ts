import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CircularActivities } from '../activities';
import { applyCircularAction, initialCircularState, refuseCircularAction, type CircularCommand, type CircularInput, type CircularState } from '../libs/domain/src';
import { ACTION_REFUSED, ACTIVITY_RETRY, circularActionUpdate, circularStateQuery } from '../libs/temporal/src/workflow-contracts';

const { projectCircular } = proxyActivities<CircularActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });

/**
 * A circular (情况通报) from draft to published: edits and a review while it is a draft, publishing once
 * reviewed. Each change is written (with its audit record) before its Update answers; one at a time. Once
 * published the workflow ends: nothing can change it any more.
 */
export async function circularWorkflow(input: CircularInput): Promise<CircularState> {
  let state = initialCircularState(input);
  let busy = true;
  setHandler(circularStateQuery, () => state);
  const refuse = (command: CircularCommand) => {
    const refusal = refuseCircularAction(state, command);
    if (refusal) throw ApplicationFailure.create({ type: ACTION_REFUSED, message: refusal, nonRetryable: true });
  };
  setHandler(
    circularActionUpdate,
    async (command) => {
      await condition(() => !busy);
      busy = true;
      try {
        refuse(command); // again: an earlier Update may have changed the state meanwhile
        const next = applyCircularAction(state, command, new Date().toISOString());
        const hash = await projectCircular(next, command.action, command.actor, command.note ?? null, new Date().toISOString());
        state = { ...next, contentHash: hash };
        return state;
      } finally {
        busy = false;
      }
    },
    { validator: refuse },
  );
  await projectCircular(state, 'DRAFTED', input.author, null, input.createdAt);
  busy = false;
  await condition(() => state.status === 'PUBLISHED' && !busy);
  return state;
}

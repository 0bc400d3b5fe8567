import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';

/**
 * The floor of the benchmark: a workflow that does nothing but count Updates, so a full case
 * lifecycle through the API can be compared with bare Temporal starts and Updates on the same server.
 */
export const incrementUpdate = defineUpdate<number, []>('increment');

/** Ends after `updates` Updates, as a case ends after its last action. */
export async function floorWorkflow(updates: number): Promise<number> {
  let count = 0;
  setHandler(incrementUpdate, () => ++count);
  await condition(() => count >= updates);
  await condition(allHandlersFinished);
  return count;
}

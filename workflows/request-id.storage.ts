// The class the worker injects into the workflow context, from the module that is already shared by all workflows.
import { AsyncLocalStorage } from '@temporalio/workflow/lib/cancellation-scope';

/**
 * The request id of the moment, in one storage for every workflow of the thread. The worker loads this
 * module once (WORKFLOW_SHARED_MODULES) instead of once per cached workflow: Node 20 visits every
 * enabled AsyncLocalStorage on each promise a thread creates, so a storage per workflow made each
 * promise cost as much as the cache was large. Stores follow promises, so workflows never see each
 * other's. Not exported: the worker freezes what shared modules export, and a frozen storage cannot run.
 */
const storage = new AsyncLocalStorage<string | undefined>();

export function currentRequestId(): string | undefined {
  return storage.getStore();
}

export function runWithRequestId<T>(requestId: string | undefined, work: () => T): T {
  return storage.run(requestId, work);
}

/**
 * The request id of this moment, kept for work that a workflow queues now and carries out later from
 * its main loop: `scope(() => work())` runs it under the id of the request that queued it.
 */
export function requestScope(): <T>(work: () => T) => T {
  const requestId = storage.getStore();
  return (work) => storage.run(requestId, work);
}

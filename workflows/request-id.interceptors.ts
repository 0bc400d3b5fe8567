import { AsyncLocalStorage, type WorkflowInterceptors } from '@temporalio/workflow';
import { requestIdFrom, withRequestId } from '../libs/temporal/src/request-id-header';

/**
 * Carries the request id that came with a start, update or signal to the activities and child
 * workflows that handling it schedules, and into the workflow's own log lines. A case lives long: its
 * timers run on under the id of the request that started it, each staff action under its own.
 * Registered with the worker (and the bundler) as a workflow interceptor module.
 */
const current = new AsyncLocalStorage<string | undefined>();

/**
 * The request id of this moment, kept for work that a workflow queues now and carries out later from
 * its main loop: `scope(() => work())` runs it under the id of the request that queued it.
 */
export function requestScope(): <T>(work: () => T) => T {
  const requestId = current.getStore();
  return (work) => current.run(requestId, work);
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [
    {
      execute: (input, next) => current.run(requestIdFrom(input.headers), () => next(input)),
      handleUpdate: (input, next) => current.run(requestIdFrom(input.headers) ?? current.getStore(), () => next(input)),
      handleSignal: (input, next) => current.run(requestIdFrom(input.headers) ?? current.getStore(), () => next(input)),
    },
  ],
  outbound: [
    {
      scheduleActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
      scheduleLocalActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
      startChildWorkflowExecution: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
      getLogAttributes: (input, next) => {
        const requestId = current.getStore();
        return next(requestId === undefined ? input : { ...input, requestId });
      },
    },
  ],
});

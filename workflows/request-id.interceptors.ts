import type { WorkflowInterceptors } from '@temporalio/workflow';
import { requestIdFrom, withRequestId } from '../libs/temporal/src/request-id-header';
import { currentRequestId, runWithRequestId } from './request-id.storage';

/**
 * Carries the request id that came with a start, update or signal to the activities and child
 * workflows that handling it schedules, and into the workflow's own log lines. A case lives long: its
 * timers run on under the id of the request that started it, each staff action under its own.
 * Registered with the worker (and the bundler) as a workflow interceptor module.
 */
export const interceptors = (): WorkflowInterceptors => ({
  inbound: [
    {
      execute: (input, next) => runWithRequestId(requestIdFrom(input.headers), () => next(input)),
      handleUpdate: (input, next) => runWithRequestId(requestIdFrom(input.headers) ?? currentRequestId(), () => next(input)),
      handleSignal: (input, next) => runWithRequestId(requestIdFrom(input.headers) ?? currentRequestId(), () => next(input)),
    },
  ],
  outbound: [
    {
      scheduleActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
      scheduleLocalActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
      startChildWorkflowExecution: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
      getLogAttributes: (input, next) => {
        const requestId = currentRequestId();
        return next(requestId === undefined ? input : { ...input, requestId });
      },
    },
  ],
});

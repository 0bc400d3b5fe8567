import type { WorkflowClientInterceptor } from '@temporalio/client';
import { currentRequestId } from '@app/observability';
import { withRequestId } from './request-id-header';

/** Puts the id of the HTTP request being served into the headers of every start, update and signal. */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders, currentRequestId()), updateHeaders: withRequestId(input.updateHeaders, currentRequestId()) }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
};

import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Logger } from 'pino';
import { requestIdFrom } from '@app/temporal';
import type { WorkerMetrics } from './worker-metrics';

/**
 * Per activity attempt: reads the request id the workflow passed in the headers and binds it to the
 * activity's logger (the SDK's lines) and to one line of ours when the attempt ends; counts failures.
 * Lines carry the activity, the workflow id (the case) and the attempt, never the arguments.
 */
export function activityObservability(logger: Logger, metrics: Pick<WorkerMetrics, 'activityFailures'>): ActivityInterceptorsFactory {
  return (ctx) => {
    let requestId: string | undefined;
    const fields = () => ({
      activity: ctx.info.activityType,
      workflowId: ctx.info.workflowExecution?.workflowId,
      attempt: ctx.info.attempt,
      ...(requestId === undefined ? {} : { requestId }),
    });
    return {
      inbound: {
        async execute(input, next) {
          requestId = requestIdFrom(input.headers);
          const started = Date.now();
          try {
            const result = await next(input);
            logger.info({ ...fields(), durationMs: Date.now() - started }, 'activity completed');
            return result;
          } catch (error) {
            metrics.activityFailures.inc({ activity: ctx.info.activityType });
            logger.warn({ ...fields(), durationMs: Date.now() - started, error: (error as Error).message }, 'activity failed');
            throw error;
          }
        },
      },
      outbound: {
        getLogAttributes: (input, next) => next(requestId === undefined ? input : { ...input, requestId }),
      },
    };
  };
}

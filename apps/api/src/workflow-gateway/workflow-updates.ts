import { ConflictException, Logger, ServiceUnavailableException } from '@nestjs/common';
import { isGrpcDeadlineError, WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type QueryDefinition, type UpdateDefinition } from '@temporalio/common';

const logger = new Logger('WorkflowUpdates');

/**
 * How long a request waits for the workflow to answer. Past it, the client gets an answer it can act on
 * instead of hanging until its own timeout (Temporal or the database down, the worker stopped).
 */
export const UPDATE_ANSWER_MS = 30_000;

/**
 * Sends one Update and maps the outcome to HTTP: a refusal by the workflow's validator is 409 with
 * its reason; a finished workflow is 409; Temporal out of reach is 503 (nothing happened, retry);
 * no answer in time is 503 too, but the action may still be carried out.
 */
export async function sendUpdate<Ret, Arg, Name extends string>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, [Arg], Name>,
  arg: Arg,
  answerWithinMs = UPDATE_ANSWER_MS,
): Promise<Ret> {
  try {
    return await handle.client.withDeadline(Date.now() + answerWithinMs, () => handle.executeUpdate(update, { args: [arg] }));
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      throw new ConflictException(cause instanceof ApplicationFailure ? cause.message : error.message);
    }
    if (error instanceof WorkflowNotFoundError) throw new ConflictException('This case or referral is already finished');
    logger.error(`update ${update.name} on ${handle.workflowId} failed: ${(error as Error).message}`);
    if (isGrpcDeadlineError(error)) {
      throw new ServiceUnavailableException(`The action was not confirmed within ${answerWithinMs / 1000} s; it may still be carried out. Read the case before retrying.`);
    }
    throw new ServiceUnavailableException('The case service is unavailable; nothing was changed. Retry later.');
  }
}

/** Asks a workflow for its live state; null when the workflow is gone (finished past retention). */
export async function queryWorkflow<Ret>(handle: WorkflowHandle, query: QueryDefinition<Ret, []>, answerWithinMs = UPDATE_ANSWER_MS): Promise<Ret | null> {
  try {
    return await handle.client.withDeadline(Date.now() + answerWithinMs, () => handle.query(query));
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    logger.error(`query ${query.name} on ${handle.workflowId} failed: ${(error as Error).message}`);
    throw new ServiceUnavailableException('The case service is unavailable. Retry later.');
  }
}

import { ConflictException, Logger, ServiceUnavailableException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

const logger = new Logger('WorkflowUpdates');

/**
 * Sends one Update and maps the outcome to HTTP: a refusal by the workflow's validator is 409 with
 * its reason; a finished workflow is 409; Temporal out of reach is 503 (nothing happened, retry).
 */
export async function sendUpdate<T>(handle: WorkflowHandle, name: string, arg: unknown): Promise<T> {
  try {
    return await handle.executeUpdate<T, [unknown]>(name, { args: [arg] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      throw new ConflictException(cause instanceof ApplicationFailure ? cause.message : error.message);
    }
    if (error instanceof WorkflowNotFoundError) throw new ConflictException('This case or referral is already finished');
    logger.error(`update ${name} on ${handle.workflowId} failed: ${(error as Error).message}`);
    throw new ServiceUnavailableException('The case service is unavailable; nothing was changed. Retry later.');
  }
}

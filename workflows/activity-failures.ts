import { ActivityFailure, ApplicationFailure, CancelledFailure } from '@temporalio/workflow';

/**
 * An activity failure that reached a workflow: the retry policy retries without end, so only an error no
 * retry can cure gets here (activities/activity-errors.ts). A queued activity's comes wrapped in an
 * ActivityFailure, a local one's as it is.
 */
export function isPermanent(error: unknown): error is ActivityFailure | ApplicationFailure {
  return error instanceof ActivityFailure ? !(error.cause instanceof CancelledFailure) : error instanceof ApplicationFailure;
}

/** The classified message: which activity, what kind of error, never personal data. */
export function failureReason(failure: ActivityFailure | ApplicationFailure): string {
  const cause = failure instanceof ActivityFailure ? failure.cause : failure;
  const reason = cause instanceof ApplicationFailure ? cause.message : `${(failure as ActivityFailure).activityType ?? 'activity'}: ${cause?.name ?? 'failed'}`;
  return reason.slice(0, 300);
}

import { continueAsNew, getExternalWorkflowHandle, proxyActivities, sleep } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { CALENDAR_CACHE_MS, caseWorkflowId } from '../libs/domain/src';
import { ACTIVITY_RETRY, calendarChangedSignal } from '../libs/temporal/src/workflow-contracts';

const { openCaseIds } = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });

const PAGE = 200;

/**
 * Tells every open case that the working-day calendar changed, so each recomputes its running
 * deadline. Durable: if anything dies midway, the broadcast resumes where it was.
 */
export async function calendarBroadcastWorkflow(afterCaseId = '', signalled = 0): Promise<number> {
  // Workers keep a calendar for a short while; wait until every one has the new overrides.
  if (afterCaseId === '') await sleep(CALENDAR_CACHE_MS + 1000);
  const ids = await openCaseIds(afterCaseId, PAGE);
  for (const id of ids) {
    // A case that closed meanwhile has no deadline left to move.
    await getExternalWorkflowHandle(caseWorkflowId(id)).signal(calendarChangedSignal).catch(() => undefined);
  }
  if (ids.length === PAGE) await continueAsNew<typeof calendarBroadcastWorkflow>(ids[ids.length - 1], signalled + ids.length);
  return signalled + ids.length;
}

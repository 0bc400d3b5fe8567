import { continueAsNew, getExternalWorkflowHandle, patched, proxyActivities, sleep } from '@temporalio/workflow';
import type { CaseActivities, ReferralActivities } from '../activities';
import { CALENDAR_CACHE_MS, caseWorkflowId, referralWorkflowId } from '../libs/domain/src';
import { ACTIVITY_RETRY, calendarChangedSignal } from '../libs/temporal/src/workflow-contracts';

const { openCaseIds, openReferralIds } = proxyActivities<CaseActivities & ReferralActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });

const PAGE = 200;

/** The patch after which the broadcast reaches open discipline referrals too, after the cases. */
export const BROADCAST_TO_REFERRALS = 'broadcast-to-referrals';

/**
 * Tells every open case, then every open referral, that the working-day calendar changed, so each
 * recomputes its running deadline. Durable: if anything dies midway, the broadcast resumes where it was.
 * `afterReferralId` is null while the cases are paged, then the last referral signalled ('' for none yet).
 */
export async function calendarBroadcastWorkflow(afterCaseId = '', signalled = 0, afterReferralId: string | null = null): Promise<number> {
  if (afterReferralId === null) {
    // Workers keep a calendar for a short while; wait until every one has the new overrides.
    if (afterCaseId === '') await sleep(CALENDAR_CACHE_MS + 1000);
    const ids = await openCaseIds(afterCaseId, PAGE);
    for (const id of ids) {
      // A case that closed meanwhile has no deadline left to move.
      await getExternalWorkflowHandle(caseWorkflowId(id)).signal(calendarChangedSignal).catch(() => undefined);
    }
    if (ids.length === PAGE) await continueAsNew<typeof calendarBroadcastWorkflow>(ids[ids.length - 1], signalled + ids.length);
    signalled += ids.length;
    if (!patched(BROADCAST_TO_REFERRALS)) return signalled;
    afterReferralId = '';
  }
  const referralIds = await openReferralIds(afterReferralId, PAGE);
  for (const id of referralIds) {
    await getExternalWorkflowHandle(referralWorkflowId(id)).signal(calendarChangedSignal).catch(() => undefined);
  }
  if (referralIds.length === PAGE) await continueAsNew<typeof calendarBroadcastWorkflow>('', signalled + referralIds.length, referralIds[referralIds.length - 1]);
  return signalled + referralIds.length;
}

import { withErrorClassification } from './activity-errors';
import { createCampaignActivities, type CampaignActivityDeps } from './campaign.activities';
import { createCaseActivities, type CaseActivityDeps } from './case.activities';
import { createCircularActivities, type CircularActivityDeps } from './circular.activities';
import { createReferralActivities, type ReferralActivityDeps } from './referral.activities';

export type { CampaignActivities, CampaignFindingRequest, CampaignNotice, CampaignPorts } from './campaign.activities';
export type { CaseActivities } from './case.activities';
export type { CircularActivities } from './circular.activities';
export type { ReferralActivities } from './referral.activities';

export type ActivityDeps = CaseActivityDeps & ReferralActivityDeps & CircularActivityDeps & CampaignActivityDeps;

/**
 * Every activity the worker registers, bound to its dependencies; an error no retry can cure comes out
 * non-retryable (activity-errors.ts), so it stalls its case visibly instead of retrying forever.
 */
export function createActivities(deps: ActivityDeps) {
  return withErrorClassification({ ...createCaseActivities(deps), ...createReferralActivities(deps), ...createCircularActivities(deps), ...createCampaignActivities(deps) });
}

export type Activities = ReturnType<typeof createActivities>;

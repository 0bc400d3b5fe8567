import { createCaseActivities, type CaseActivityDeps } from './case.activities';
import { createReferralActivities, type ReferralActivityDeps } from './referral.activities';

export type { CaseActivities } from './case.activities';
export type { ReferralActivities } from './referral.activities';

export type ActivityDeps = CaseActivityDeps & ReferralActivityDeps;

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return { ...createCaseActivities(deps), ...createReferralActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;

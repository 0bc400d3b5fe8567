import { createCaseActivities, type CaseActivityDeps } from './case.activities';

export type { CaseActivities } from './case.activities';

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(deps: CaseActivityDeps) {
  return { ...createCaseActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;

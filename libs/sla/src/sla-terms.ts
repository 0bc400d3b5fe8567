import { DEADLINE_KINDS, type Category, type Severity, type SlaTerms } from '@app/domain';

// The terms' rules live in libs/domain, where the console checks them too.
export { validateSlaTerms, type TermsProblem } from '@app/domain';

/** Which cases a policy row applies to; null means "any". */
export interface SlaScope {
  category: Category | null;
  severity: Severity | null;
}

/** One string per scope, e.g. 'FORCED_USE|*', so (scope_key, version) can be a unique key. */
export function scopeKeyOf(scope: SlaScope): string {
  return `${scope.category ?? '*'}|${scope.severity ?? '*'}`;
}

/**
 * The most specific row that applies to a case: category+severity, then category+any,
 * then any+severity, then the default (any, any). A case without a severity yet matches only
 * rows whose severity is "any".
 */
export function pickMostSpecific<T extends SlaScope & { version: number }>(rows: readonly T[], category: Category, severity: Severity | null): T | undefined {
  let best: T | undefined;
  let bestRank = -1;
  for (const row of rows) {
    if (row.category !== null && row.category !== category) continue;
    if (row.severity !== null && row.severity !== severity) continue;
    // Category outranks severity: 3 exact, 2 category only, 1 severity only, 0 default.
    const rank = (row.category !== null ? 2 : 0) + (row.severity !== null ? 1 : 0);
    if (rank > bestRank || (rank === bestRank && best !== undefined && row.version > best.version)) {
      best = row;
      bestRank = rank;
    }
  }
  return best;
}

/** Keeps exactly the SlaTerms fields, so stray keys never reach the database or a case's snapshot. */
export function pickTerms(raw: SlaTerms): SlaTerms {
  return {
    timeUnit: raw.timeUnit,
    durations: Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, raw.durations[kind]])) as SlaTerms['durations'],
    revisitWindow: raw.revisitWindow,
    maxRectification: raw.maxRectification,
    maxExtension: raw.maxExtension,
    supervisionGrace: raw.supervisionGrace,
    referralGrace: raw.referralGrace,
    referralAcknowledge: raw.referralAcknowledge,
    referralConclude: raw.referralConclude,
  };
}

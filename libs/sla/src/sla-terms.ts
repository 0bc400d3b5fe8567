import { DEADLINE_KINDS, TIME_UNITS, type Category, type Severity, type SlaTerms } from '@app/domain';

/** Which cases a policy row applies to; null means "any". */
export interface SlaScope {
  category: Category | null;
  severity: Severity | null;
}

export interface TermsProblem {
  field: string;
  reason: string;
}

/** One string per scope, e.g. 'FORCED_USE|*', so (scope_key, version) can be a unique key. */
export function scopeKeyOf(scope: SlaScope): string {
  return `${scope.category ?? '*'}|${scope.severity ?? '*'}`;
}

/**
 * The policy rules of PRODUCT.md ("Deadlines and escalation"); every problem is listed, not just the first.
 * MINUTE is allowed only for demonstrations, so the caller says whether this deployment may use it.
 */
export function validateSlaTerms(terms: SlaTerms, options: { allowMinutes: boolean }): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const check = (field: string, ok: boolean, reason: string) => {
    if (!ok) problems.push({ field, reason });
  };
  const between = (field: string, value: unknown, min: number, max: number) =>
    check(field, isIntBetween(value, min, max), `must be an integer from ${min} to ${max}`);

  check('timeUnit', (TIME_UNITS as readonly unknown[]).includes(terms.timeUnit), `must be one of ${TIME_UNITS.join(', ')}`);
  check('timeUnit', terms.timeUnit !== 'MINUTE' || options.allowMinutes, 'MINUTE is for demonstrations only and is not allowed in production');

  const durations: Partial<Record<string, unknown>> = terms.durations ?? {};
  for (const kind of DEADLINE_KINDS) between(`durations.${kind}`, durations[kind], 1, 60);

  between('revisitWindow', terms.revisitWindow, 1, 30);
  // The supervisor's bound can never be below the default it overrides.
  const rectification = isIntBetween(durations.RECTIFICATION, 1, 60) ? (durations.RECTIFICATION as number) : 1;
  between('maxRectification', terms.maxRectification, rectification, 60);
  between('maxExtension', terms.maxExtension, 1, 15);
  between('supervisionGrace', terms.supervisionGrace, 1, 30);
  // Supervision must come before referral, or the escalation ladder skips a rung.
  const supervision = isIntBetween(terms.supervisionGrace, 1, 30) ? terms.supervisionGrace : 1;
  check('referralGrace', isIntBetween(terms.referralGrace, supervision + 1, 30), `must be an integer greater than supervisionGrace (${supervision}) and at most 30`);
  between('referralAcknowledge', terms.referralAcknowledge, 1, 90);
  between('referralConclude', terms.referralConclude, 1, 90);
  return problems;
}

function isIntBetween(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
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

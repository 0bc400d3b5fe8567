import { getMetadataArgsStorage, type ValueTransformer } from 'typeorm';
import { DEFAULT_SLA_TERMS, type SlaTerms } from '@app/domain';
import { SlaPolicyEntity } from './sla-policy.entity';
import { pickMostSpecific, pickTerms, scopeKeyOf, validateSlaTerms, type SlaScope } from './sla-terms';

const terms = (patch: Partial<SlaTerms> = {}, durations: Partial<SlaTerms['durations']> = {}): SlaTerms => ({
  ...DEFAULT_SLA_TERMS,
  ...patch,
  durations: { ...DEFAULT_SLA_TERMS.durations, ...durations },
});
const fields = (t: SlaTerms, allowMinutes = true) => validateSlaTerms(t, { allowMinutes }).map((p) => p.field);

describe('validateSlaTerms', () => {
  it('accepts the defaults, in production too', () => {
    expect(validateSlaTerms(DEFAULT_SLA_TERMS, { allowMinutes: false })).toEqual([]);
  });

  it.each([0, 61, 2.5, undefined])('rejects a duration of %p', (value) => {
    expect(fields(terms({}, { INVESTIGATION: value as number }))).toEqual(['durations.INVESTIGATION']);
  });

  it('requires every deadline kind', () => {
    const durations: Partial<SlaTerms['durations']> = { ...DEFAULT_SLA_TERMS.durations };
    delete durations.FEEDBACK;
    expect(fields({ ...DEFAULT_SLA_TERMS, durations: durations as SlaTerms['durations'] })).toEqual(['durations.FEEDBACK']);
  });

  it.each([
    ['revisitWindow', { revisitWindow: 0 }],
    ['revisitWindow', { revisitWindow: 31 }],
    ['maxRectification', { maxRectification: 14 }],
    ['maxRectification', { maxRectification: 61 }],
    ['maxExtension', { maxExtension: 0 }],
    ['maxExtension', { maxExtension: 16 }],
    ['supervisionGrace', { supervisionGrace: 0 }],
    ['referralGrace', { referralGrace: 2 }],
    ['referralGrace', { referralGrace: 31 }],
    ['referralAcknowledge', { referralAcknowledge: 0 }],
    ['referralAcknowledge', { referralAcknowledge: 91 }],
    ['referralConclude', { referralConclude: 0 }],
    ['referralConclude', { referralConclude: 91 }],
    ['timeUnit', { timeUnit: 'HOUR' as SlaTerms['timeUnit'] }],
  ])('rejects a bad %s (%p)', (field, patch) => {
    expect(fields(terms(patch))).toEqual([field]);
  });

  it('bounds maxRectification below by the rectification duration', () => {
    expect(fields(terms({ maxRectification: 20 }, { RECTIFICATION: 20 }))).toEqual([]);
    expect(fields(terms({ maxRectification: 19 }, { RECTIFICATION: 20 }))).toEqual(['maxRectification']);
  });

  it('needs referral strictly after supervision, both within 30', () => {
    expect(fields(terms({ supervisionGrace: 5, referralGrace: 5 }))).toEqual(['referralGrace']);
    expect(fields(terms({ supervisionGrace: 30, referralGrace: 30 }))).toEqual(['referralGrace']);
    expect(fields(terms({ supervisionGrace: 31, referralGrace: 32 }))).toEqual(['supervisionGrace', 'referralGrace']);
  });

  it('allows MINUTE only outside production, with a clear reason', () => {
    expect(fields(terms({ timeUnit: 'MINUTE' }), true)).toEqual([]);
    expect(validateSlaTerms(terms({ timeUnit: 'MINUTE' }), { allowMinutes: false })).toEqual([
      { field: 'timeUnit', reason: expect.stringContaining('not allowed in production') },
    ]);
  });

  it('lists every problem at once', () => {
    expect(fields(terms({ revisitWindow: 0, maxExtension: 99 }, { SIGN: 0 }))).toEqual(['durations.SIGN', 'revisitWindow', 'maxExtension']);
  });
});

describe('pickMostSpecific', () => {
  const row = (category: SlaScope['category'], severity: SlaScope['severity'], version = 1) => ({ category, severity, version });
  const fallback = row(null, null);
  const bySeverity = row(null, 'SERIOUS');
  const byCategory = row('FORCED_USE', null);
  const exact = row('FORCED_USE', 'SERIOUS');
  const other = row('RANKING_ABUSE', 'SERIOUS');
  const all = [fallback, bySeverity, other, byCategory, exact];

  it('prefers category+severity, then category, then severity, then the default', () => {
    expect(pickMostSpecific(all, 'FORCED_USE', 'SERIOUS')).toBe(exact);
    expect(pickMostSpecific([fallback, bySeverity, byCategory], 'FORCED_USE', 'SERIOUS')).toBe(byCategory);
    expect(pickMostSpecific([fallback, bySeverity, other], 'FORCED_USE', 'SERIOUS')).toBe(bySeverity);
    expect(pickMostSpecific([fallback, other], 'FORCED_USE', 'SERIOUS')).toBe(fallback);
  });

  it('does not match rows for another category or severity', () => {
    expect(pickMostSpecific(all, 'FORCED_USE', 'GENERAL')).toBe(byCategory);
    expect(pickMostSpecific(all, 'OTHER', 'GENERAL')).toBe(fallback);
  });

  it('matches only "any severity" rows while a case has no severity', () => {
    expect(pickMostSpecific(all, 'FORCED_USE', null)).toBe(byCategory);
    expect(pickMostSpecific(all, 'RANKING_ABUSE', null)).toBe(fallback);
  });

  it('takes the newer version should a scope ever have two active rows, and nothing from nothing', () => {
    const newer = row(null, null, 2);
    expect(pickMostSpecific([fallback, newer], 'OTHER', null)).toBe(newer);
    expect(pickMostSpecific([], 'OTHER', null)).toBeUndefined();
  });
});

describe('scope keys and stored terms', () => {
  it('names a scope with * for any', () => {
    expect(scopeKeyOf({ category: null, severity: null })).toBe('*|*');
    expect(scopeKeyOf({ category: 'FORCED_USE', severity: null })).toBe('FORCED_USE|*');
    expect(scopeKeyOf({ category: null, severity: 'DISCIPLINARY' })).toBe('*|DISCIPLINARY');
  });

  it('keeps only SlaTerms fields', () => {
    const noisy = { ...DEFAULT_SLA_TERMS, extra: 1, durations: { ...DEFAULT_SLA_TERMS.durations, LUNCH: 1 } } as SlaTerms;
    expect(pickTerms(noisy)).toEqual(DEFAULT_SLA_TERMS);
  });

  it('reads terms back as an object whether the driver gives an object or a JSON string (MariaDB LONGTEXT)', () => {
    const column = getMetadataArgsStorage().columns.find((c) => c.target === SlaPolicyEntity && c.propertyName === 'terms');
    const transformer = column?.options.transformer as ValueTransformer;
    expect(transformer.from(JSON.stringify(DEFAULT_SLA_TERMS))).toEqual(DEFAULT_SLA_TERMS);
    expect(transformer.from(DEFAULT_SLA_TERMS)).toEqual(DEFAULT_SLA_TERMS);
    expect(transformer.to(DEFAULT_SLA_TERMS)).toBe(DEFAULT_SLA_TERMS);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TERMS } from '@app/domain';
import { compareVersions, formFromPolicy, formFieldOf, termProblemZh, termsFromForm, type SlaPolicy } from './sla-terms';

const policy = (policyId: number, version: number, changes: Partial<SlaPolicy> = {}): SlaPolicy => ({
  ...DEFAULT_SLA_TERMS,
  policyId,
  version,
  category: null,
  severity: null,
  active: false,
  createdBy: null,
  createdAt: '2026-11-01T00:00:00Z',
  ...changes,
});

describe('SLA policy versions side by side', () => {
  it('marks each cell that differs from the version on its left, and the rows that differ at all', () => {
    const v1 = policy(1, 1);
    const v2 = policy(2, 2, { durations: { ...DEFAULT_SLA_TERMS.durations, ACCEPTANCE: 3 } });
    const v3 = policy(3, 3, { durations: { ...DEFAULT_SLA_TERMS.durations, ACCEPTANCE: 3 }, maxExtension: 10 });
    const rows = compareVersions([v1, v2, v3]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey['durations.ACCEPTANCE']).toMatchObject({ term: '受理时限', values: ['2 个工作日', '3 个工作日', '3 个工作日'], changed: [false, true, false], differs: true });
    expect(byKey.maxExtension).toMatchObject({ term: '单次延期上限', changed: [false, false, true], differs: true });
    expect(byKey['durations.INVESTIGATION']).toMatchObject({ changed: [false, false, false], differs: false });
    expect(byKey.revisitWindow.values[0]).toBe('7 自然日');
    expect(byKey.scope.values).toEqual(['所有类别 / 所有程度', '所有类别 / 所有程度', '所有类别 / 所有程度']);
  });

  it('words minutes for a demonstration policy, and compares different scopes', () => {
    const rows = compareVersions([policy(1, 1), policy(4, 1, { category: 'FORCED_USE', severity: 'SERIOUS', timeUnit: 'MINUTE' })]);
    expect(rows.find((r) => r.key === 'scope')).toMatchObject({ values: ['所有类别 / 所有程度', '强制使用 / 严重加重基层负担'], changed: [false, true] });
    expect(rows.find((r) => r.key === 'timeUnit')?.values).toEqual(['工作日', '分钟（仅演示）']);
    expect(rows.find((r) => r.key === 'durations.SIGN')?.values).toEqual(['1 个工作日', '1 分钟']);
  });
});

describe('a new version\'s terms', () => {
  const base = formFromPolicy(policy(1, 1, { category: 'FORCED_USE' }));

  it('starts from the chosen version and gives back the API\'s shape', () => {
    expect(base).toMatchObject({ category: 'FORCED_USE', severity: undefined, timeUnit: 'WORKING_DAY', 'durations.RECTIFICATION': 15, referralGrace: 5 });
    expect(termsFromForm(base)).toEqual(DEFAULT_SLA_TERMS);
    expect(formFieldOf('terms.durations.ACCEPTANCE')).toBe('durations.ACCEPTANCE');
  });

  it('checks every term with the policy rules and says what is wrong in Chinese', () => {
    for (const field of ['durations.ACCEPTANCE', 'maxExtension', 'referralGrace'] as const) expect(termProblemZh(base, field)).toBeNull();
    expect(termProblemZh({ ...base, 'durations.ACCEPTANCE': 0 }, 'durations.ACCEPTANCE')).toBe('须为 1 至 60 的整数');
    expect(termProblemZh({ ...base, 'durations.FEEDBACK': 2.5 }, 'durations.FEEDBACK')).toBe('须为 1 至 60 的整数');
    expect(termProblemZh({ ...base, maxExtension: 16 }, 'maxExtension')).toBe('须为 1 至 15 的整数');
    expect(termProblemZh({ ...base, revisitWindow: null }, 'revisitWindow')).toBe('请填写回访评价期');
    // Bounds that follow other terms.
    expect(termProblemZh({ ...base, 'durations.RECTIFICATION': 40 }, 'maxRectification')).toBe('须为 40 至 60 的整数（不低于整改时限）');
    expect(termProblemZh({ ...base, supervisionGrace: 5 }, 'referralGrace')).toBe('须大于「超期后发出督办」（5），且不超过 30');
  });
});

import { describe, expect, it } from 'vitest';
import type { CampaignItem, ChecklistItem } from './campaign-types';
import { answerProblems, checklistGroups, createCampaignBody, formFieldOf, groupByStratum, itemDeadline, progressPercent, quotaProblem, quotasOf, randomSeed, recordResultBody, SEED_PATTERN, findingsChartOption } from './campaign-view';

const item = (itemNo: number, stratum: string, patch: Partial<CampaignItem> = {}): CampaignItem => ({
  campaignId: 'c1',
  campaignTitle: '第四季度抽查',
  itemNo,
  stratum,
  weight: 1,
  registryEntryId: itemNo * 10,
  registryEntryVersion: 1,
  entryName: `条目${itemNo}`,
  kind: 'APP',
  regionCode: '440100',
  hostUnitId: 7,
  hostUnitName: '某局',
  checks: ['A', 'B'],
  status: 'UNASSIGNED',
  inspectorUserId: null,
  assignedAt: null,
  remindAt: null,
  deadlineAt: null,
  overdue: false,
  results: null,
  evidenceRef: null,
  completedAt: null,
  findingCaseId: null,
  findingCaseNo: null,
  ...patch,
});

describe('campaign form', () => {
  it('offers a seed the API accepts, and the same generator gives the same seed', () => {
    let n = 0;
    const fixed = () => ((n = (n * 9301 + 49297) % 233280) / 233280);
    const a = randomSeed(fixed);
    n = 0;
    expect(randomSeed(fixed)).toBe(a);
    expect(a).toMatch(SEED_PATTERN);
    expect(a).toHaveLength(12);
    expect(randomSeed()).not.toBe(randomSeed());
  });

  it('builds the create body: regions deduplicated without blanks, quotas only when chosen and stratified', () => {
    const values = { title: ' 第四季度抽查 ', regionCodes: ['440100', undefined, '440100', '440300'], kinds: ['APP' as const], periodFrom: '2026-10-01', periodTo: '2026-12-31', sampleSize: 5, strata: 'KIND' as const, weighting: 'MONITORING_SCORE' as const, seed: ' s-1 ', deadlineWorkingDays: 10 };
    expect(createCampaignBody(values)).toEqual({
      title: '第四季度抽查',
      scope: { regionCodes: ['440100', '440300'], kinds: ['APP'], periodFrom: '2026-10-01', periodTo: '2026-12-31' },
      sampleSize: 5,
      strata: 'KIND',
      weighting: 'MONITORING_SCORE',
      seed: 's-1',
      deadlineWorkingDays: 10,
    });
    expect(createCampaignBody({ ...values, useQuotas: true, quotas: { APP: 3, WORK_GROUP: 2 } }).quotas).toEqual([
      { stratum: 'APP', quota: 3 },
      { stratum: 'MINI_PROGRAM', quota: 0 },
      { stratum: 'PUBLIC_ACCOUNT', quota: 0 },
      { stratum: 'WORK_GROUP', quota: 2 },
    ]);
    expect(createCampaignBody({ ...values, strata: 'NONE', useQuotas: true, quotas: { ALL: 5 } }).quotas).toBeUndefined();
  });

  it('says when explicit quotas do not add up to the sample size', () => {
    expect(quotaProblem(quotasOf('REGION_LEVEL', { PROVINCE: 1, CITY: 2, COUNTY: 2 }), 5)).toBeNull();
    expect(quotaProblem(quotasOf('REGION_LEVEL', { CITY: 2 }), 5)).toBe('各层配额合计 2，须等于样本量 5');
    expect(quotaProblem(quotasOf('REGION_LEVEL', {}), 5)).toBe('至少有一层的配额大于 0');
    expect(quotaProblem([{ stratum: 'HIGH', quota: 1.5 }], 5)).toBe('各层配额须为非负整数');
  });

  it('puts an API refusal next to the field it names', () => {
    expect(formFieldOf('scope.regionCodes')).toBe('regionCodes');
    expect(formFieldOf('scope.regionCodes[0]')).toBe('regionCodes');
    expect(formFieldOf('scope.periodTo')).toBe('periodTo');
    expect(formFieldOf('quotas.1.quota')).toBe('quotas');
    expect(formFieldOf('seed')).toBe('seed');
  });
});

describe('campaign page', () => {
  it('groups the sample by stratum in the allocation order, keeping empty strata and unknown ones', () => {
    const groups = groupByStratum(
      { allocation: [{ stratum: 'APP', population: 40, quota: 2 }, { stratum: 'WORK_GROUP', population: 3, quota: 0 }, { stratum: 'PUBLIC_ACCOUNT', population: 10, quota: 1 }] },
      [item(3, 'PUBLIC_ACCOUNT'), item(2, 'APP'), item(1, 'APP'), item(4, 'ODD')],
    );
    expect(groups.map((g) => [g.stratum, g.population, g.quota, g.items.map((i) => i.itemNo)])).toEqual([
      ['APP', 40, 2, [1, 2]],
      ['WORK_GROUP', 3, 0, []],
      ['PUBLIC_ACCOUNT', 10, 1, [3]],
      ['ODD', null, null, [4]],
    ]);
  });

  it('counts progress as the share of items with a result', () => {
    expect(progressPercent({ items: 0, unassigned: 0, assigned: 0, passed: 0, failed: 0, overdue: 0 })).toBe(0);
    expect(progressPercent({ items: 3, unassigned: 1, assigned: 0, passed: 1, failed: 1, overdue: 0 })).toBe(67);
  });

  it('words each deadline: overdue as the API says or once passed, due soon after the reminder', () => {
    const now = Date.parse('2026-12-03T08:00:00Z');
    expect(itemDeadline(item(1, 'ALL'), now)).toEqual({ tone: 'unassigned', text: '分派后起算' });
    const assigned = item(1, 'ALL', { status: 'ASSIGNED', remindAt: '2026-12-05T00:00:00Z', deadlineAt: '2026-12-08T00:00:00Z' });
    expect(itemDeadline(assigned, now).tone).toBe('open');
    expect(itemDeadline({ ...assigned, remindAt: '2026-12-02T00:00:00Z' }, now)).toEqual({ tone: 'dueSoon', text: '临近截止' });
    expect(itemDeadline({ ...assigned, overdue: true }, now)).toEqual({ tone: 'overdue', text: '已超期' });
    expect(itemDeadline({ ...assigned, deadlineAt: '2026-12-03T07:59:00Z' }, now).tone).toBe('overdue');
    expect(itemDeadline({ ...assigned, status: 'FAILED', overdue: true }, now).tone).toBe('failed');
    expect(itemDeadline({ ...assigned, overdue: true }, now, true)).toEqual({ tone: 'unassigned', text: '未完成' });
  });
});

describe('checklist', () => {
  const checklist: ChecklistItem[] = [
    { checkId: 'A', title: '未强制下载', article: '…', category: 'FORCED_USE', appliesTo: ['APP'] },
    { checkId: 'X', title: '群内未强制打卡', article: '…', category: 'FORCED_CHECKIN', appliesTo: ['WORK_GROUP'] },
    { checkId: 'B', title: '未设置打卡', article: '…', category: 'FORCED_CHECKIN', appliesTo: ['APP'] },
    { checkId: 'C', title: '未强制登录', article: '…', category: 'FORCED_USE', appliesTo: ['APP'] },
  ];

  it("groups an item's checks by category in checklist order, leaving out the checks not asked of it", () => {
    expect(checklistGroups(checklist, ['C', 'B', 'A']).map((g) => [g.category, g.checks.map((c) => c.checkId)])).toEqual([
      ['FORCED_USE', ['A', 'C']],
      ['FORCED_CHECKIN', ['B']],
    ]);
  });

  it('asks for a decision on every check and a note on every failure', () => {
    expect(answerProblems(['A', 'B'], {})).toEqual({ A: '请选择通过或不通过', B: '请选择通过或不通过' });
    expect(answerProblems(['A', 'B'], { A: { passed: true }, B: { passed: false, note: ' 有 ' } })).toEqual({ B: '不通过的检查项须说明情况（至少 2 个字）' });
    expect(answerProblems(['A', 'B'], { A: { passed: true }, B: { passed: false, note: '要求每日打卡' } })).toEqual({});
  });

  it('sends one result per check, the severity only when something failed', () => {
    expect(recordResultBody(['A', 'B'], { A: { passed: true, note: ' ' }, B: { passed: false, note: ' 要求每日打卡 ' } }, { evidenceRef: ' EV-1 ', severity: 'SERIOUS' })).toEqual({
      results: [
        { checkId: 'A', passed: true, note: '' },
        { checkId: 'B', passed: false, note: '要求每日打卡' },
      ],
      evidenceRef: 'EV-1',
      severity: 'SERIOUS',
    });
    expect(recordResultBody(['A'], { A: { passed: true } }, { evidenceRef: '', severity: 'SERIOUS' })).toEqual({ results: [{ checkId: 'A', passed: true, note: '' }] });
  });

  it('charts the categories with failures, largest at the top', () => {
    const option = findingsChartOption(
      [
        { category: 'FORCED_USE', count: 1 },
        { category: 'OTHER', count: 0 },
        { category: 'FORCED_CHECKIN', count: 3 },
      ],
      (c) => `类${c}`,
    ) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['类FORCED_USE', '类FORCED_CHECKIN']);
    expect(option.series[0].data).toEqual([1, 3]);
  });
});

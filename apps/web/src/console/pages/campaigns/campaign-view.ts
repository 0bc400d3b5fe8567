import type { Category, RegistryKind } from '@app/domain';
import { strataNames, type Campaign, type CampaignItem, type CampaignStrata, type CampaignWeighting, type ChecklistItem, type CheckResult, type CreateCampaign, type RecordResult, type StratumQuota } from './campaign-types';

/**
 * What the campaign pages compute in the browser: the request bodies from the forms, and the views of the
 * API's answers. The API decides and checks everything again; nothing here is a rule of its own.
 */

const SEED_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const SEED_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** A fresh seed to show on the form (the person may keep it or type another): 12 characters, easy to read aloud. */
export function randomSeed(random: () => number = Math.random): string {
  let seed = '';
  for (let i = 0; i < 12; i++) seed += SEED_ALPHABET[Math.floor(random() * SEED_ALPHABET.length)];
  return seed;
}

export interface CampaignFormValues {
  title: string;
  regionCodes: (string | undefined)[];
  kinds?: RegistryKind[];
  /** YYYY-MM-DD, the period's first and last day. */
  periodFrom: string;
  periodTo: string;
  sampleSize: number;
  strata: CampaignStrata;
  useQuotas?: boolean;
  quotas?: Record<string, number | null | undefined>;
  weighting: CampaignWeighting;
  seed: string;
  deadlineWorkingDays: number;
}

/** The explicit quotas as the API takes them, in the sampler's order; strata left empty count as 0. */
export function quotasOf(strata: CampaignStrata, quotas: Record<string, number | null | undefined> = {}): StratumQuota[] {
  return strataNames(strata).map((stratum) => ({ stratum, quota: quotas[stratum] ?? 0 }));
}

/** Why explicit quotas cannot be sent (zh-CN), or null. */
export function quotaProblem(quotas: StratumQuota[], sampleSize: number | null | undefined): string | null {
  const sum = quotas.reduce((s, q) => s + q.quota, 0);
  if (quotas.some((q) => !Number.isInteger(q.quota) || q.quota < 0)) return '各层配额须为非负整数';
  if (sum === 0) return '至少有一层的配额大于 0';
  if (sampleSize && sum !== sampleSize) return `各层配额合计 ${sum}，须等于样本量 ${sampleSize}`;
  return null;
}

export function createCampaignBody(v: CampaignFormValues): CreateCampaign {
  const regionCodes = [...new Set(v.regionCodes.filter((c): c is string => !!c))];
  return {
    title: v.title.trim(),
    scope: { regionCodes, kinds: v.kinds ?? [], periodFrom: v.periodFrom, periodTo: v.periodTo },
    sampleSize: v.sampleSize,
    strata: v.strata,
    ...(v.useQuotas && v.strata !== 'NONE' ? { quotas: quotasOf(v.strata, v.quotas) } : {}),
    weighting: v.weighting,
    seed: v.seed.trim(),
    deadlineWorkingDays: v.deadlineWorkingDays,
  };
}

/** Where an API refusal's `details[].field` belongs on the form (scope.regionCodes → regionCodes, quotas.1.quota → quotas…). */
export function formFieldOf(field: string): string {
  return field.replace(/^scope\./, '').split(/[.[]/)[0];
}

export interface StratumGroup {
  stratum: string;
  population: number | null;
  quota: number | null;
  items: CampaignItem[];
}

/** The drawn sample by stratum, in the order of the draw's allocation; strata with no item drawn are kept (0 of N). */
export function groupByStratum(campaign: Pick<Campaign, 'allocation'>, items: readonly CampaignItem[]): StratumGroup[] {
  const groups = new Map<string, StratumGroup>();
  for (const a of campaign.allocation ?? []) groups.set(a.stratum, { stratum: a.stratum, population: a.population, quota: a.quota, items: [] });
  for (const item of items) {
    let group = groups.get(item.stratum);
    if (!group) groups.set(item.stratum, (group = { stratum: item.stratum, population: null, quota: null, items: [] }));
    group.items.push(item);
  }
  for (const g of groups.values()) g.items.sort((a, b) => a.itemNo - b.itemNo);
  return [...groups.values()];
}

/** Share of the items with a result, 0–100. */
export function progressPercent(counts: Campaign['counts']): number {
  return counts.items === 0 ? 0 : Math.round(((counts.passed + counts.failed) / counts.items) * 100);
}

export type ItemTone = 'done' | 'failed' | 'overdue' | 'dueSoon' | 'open' | 'unassigned';

/**
 * How an item's deadline reads in the progress table: the API says when it is overdue; the rest is wording.
 * Items without a result when their campaign closed stay unfinished, with no deadline running.
 */
export function itemDeadline(item: Pick<CampaignItem, 'status' | 'deadlineAt' | 'remindAt' | 'overdue'>, now = Date.now(), campaignClosed = false): { tone: ItemTone; text: string } {
  if (item.status === 'PASSED') return { tone: 'done', text: '已完成' };
  if (item.status === 'FAILED') return { tone: 'failed', text: '已完成' };
  if (campaignClosed) return { tone: 'unassigned', text: '未完成' };
  if (item.status === 'UNASSIGNED' || !item.deadlineAt) return { tone: 'unassigned', text: '分派后起算' };
  if (item.overdue || Date.parse(item.deadlineAt) <= now) return { tone: 'overdue', text: '已超期' };
  if (item.remindAt && Date.parse(item.remindAt) <= now) return { tone: 'dueSoon', text: '临近截止' };
  return { tone: 'open', text: '未到期' };
}

export const STATUS_COLOR: Record<Campaign['status'], string> = { DRAFT: 'default', IN_PROGRESS: 'blue', CLOSED: 'green' };
export const ITEM_STATUS_COLOR: Record<CampaignItem['status'], string> = { UNASSIGNED: 'default', ASSIGNED: 'blue', PASSED: 'green', FAILED: 'red' };
export const ITEM_TONE_COLOR: Record<ItemTone, string> = { done: 'green', failed: 'red', overdue: 'red', dueSoon: 'orange', open: 'blue', unassigned: 'default' };

/** Items that can be (re)assigned: not yet checked. */
export const assignable = (item: Pick<CampaignItem, 'status'>): boolean => item.status === 'UNASSIGNED' || item.status === 'ASSIGNED';

export interface ChecklistGroup {
  category: Category;
  checks: ChecklistItem[];
}

/** The checks of an item, grouped by the category a failure would be filed under, in checklist order. */
export function checklistGroups(checklist: readonly ChecklistItem[], checks: readonly string[]): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  for (const check of checklist) {
    if (!checks.includes(check.checkId)) continue;
    let group = groups.find((g) => g.category === check.category);
    if (!group) groups.push((group = { category: check.category, checks: [] }));
    group.checks.push(check);
  }
  return groups;
}

export type Answers = Record<string, { passed?: boolean; note?: string } | undefined>;

/** What is missing before the result can be sent (zh-CN, per check), empty when it can go. */
export function answerProblems(checks: readonly string[], answers: Answers): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const id of checks) {
    const a = answers[id];
    if (a?.passed === undefined) problems[id] = '请选择通过或不通过';
    else if (!a.passed && (a.note ?? '').trim().length < 2) problems[id] = '不通过的检查项须说明情况（至少 2 个字）';
    else if ((a.note ?? '').length > 500) problems[id] = '说明最多 500 字';
  }
  return problems;
}

export function recordResultBody(checks: readonly string[], answers: Answers, extra: { evidenceRef?: string; severity?: RecordResult['severity'] }): RecordResult {
  const results: CheckResult[] = checks.map((checkId) => ({ checkId, passed: answers[checkId]?.passed === true, note: (answers[checkId]?.note ?? '').trim() }));
  const failed = results.some((r) => !r.passed);
  const evidenceRef = extra.evidenceRef?.trim();
  return { results, ...(evidenceRef ? { evidenceRef } : {}), ...(failed && extra.severity ? { severity: extra.severity } : {}) };
}

/** A bar chart of the failed checks per category, largest first (ECharts option). */
export function findingsChartOption(rows: readonly { category: Category; count: number }[], label: (c: Category) => string): Record<string, unknown> {
  const sorted = [...rows].filter((r) => r.count > 0).sort((a, b) => a.count - b.count);
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => label(r.category)) },
    series: [{ type: 'bar', name: '未通过检查项', data: sorted.map((r) => r.count), barMaxWidth: 28, itemStyle: { color: '#b71c1c' }, label: { show: true, position: 'right' } }],
  };
}

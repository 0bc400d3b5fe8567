import { icpFilingProblem } from './icp-filing';
import { ICP_FILED_KINDS, PLATFORMS_BY_KIND, RESTRICTED_FEATURES, type RegistryFeature, type RegistryKind, type RegistryPlatform, type RegistryStatus } from './registry-vocabulary';

/** A registry entry's content, as the API, the Excel import and the version rows carry it. Dates are YYYY-MM-DD. */
export interface RegistryEntryContent {
  name: string;
  kind: RegistryKind;
  platform: RegistryPlatform;
  hostUnitId: number;
  regionCode: string;
  icpFiling: string | null;
  launchedOn: string | null;
  declaredUsers: number | null;
  features: RegistryFeature[];
  status: RegistryStatus;
  closingAnnouncedOn: string | null;
  lastContentUpdateOn: string | null;
  lastUsedOn: string | null;
}

export interface RegistryProblem {
  field: keyof RegistryEntryContent;
  /** zh-CN: people read it in the import report and beside the form field. */
  reason: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date, not 2027-02-30. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The rules an entry's content keeps as a whole, beyond each field's own format (which the DTO and the
 * sheet reader check): what the fields must say together. Empty when the entry is consistent.
 */
export function registryEntryProblems(e: RegistryEntryContent, today: string): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  const add = (field: RegistryProblem['field'], reason: string) => problems.push({ field, reason });
  if (!PLATFORMS_BY_KIND[e.kind].includes(e.platform)) add('platform', '该平台与类型不符');
  if (ICP_FILED_KINDS.includes(e.kind)) {
    if (!e.icpFiling) add('icpFiling', 'App和小程序须填写ICP备案号');
    else {
      const problem = icpFilingProblem(e.icpFiling, e.kind);
      if (problem) add('icpFiling', problem);
    }
  } else if (e.icpFiling) add('icpFiling', '公众账号和工作群组不填写ICP备案号');
  const seen = new Set<string>();
  for (const f of e.features) {
    if (seen.has(f.feature)) add('features', '同一功能只能填写一次');
    seen.add(f.feature);
    if (f.approved && !f.approvalDocument?.trim()) add('features', '已审批的功能须注明审批文件');
    if (!f.approved && f.approvalDocument) add('features', '未审批的功能不应填写审批文件');
  }
  if (e.status === 'CLOSING' && !e.closingAnnouncedOn) add('closingAnnouncedOn', '关停公告中的须填写关停公告日期');
  if (e.status === 'ACTIVE' && e.closingAnnouncedOn) add('closingAnnouncedOn', '运行中的不应填写关停公告日期');
  if (e.lastContentUpdateOn && e.kind !== 'PUBLIC_ACCOUNT') add('lastContentUpdateOn', '只有公众账号填写最近内容更新日期');
  for (const field of ['launchedOn', 'closingAnnouncedOn', 'lastContentUpdateOn', 'lastUsedOn'] as const) {
    const value = e[field];
    if (value && value > today) add(field, '日期不能晚于今天');
  }
  if (e.launchedOn && e.closingAnnouncedOn && e.closingAnnouncedOn < e.launchedOn) add('closingAnnouncedOn', '关停公告日期不能早于上线日期');
  return problems;
}

/** Features in the vocabulary's order, so equal content compares equal. */
export function sortedFeatures(features: RegistryFeature[]): RegistryFeature[] {
  return [...features].sort((a, b) => RESTRICTED_FEATURES.indexOf(a.feature) - RESTRICTED_FEATURES.indexOf(b.feature));
}

/** Spot-check campaigns as the API answers them (GET/POST /api/v1/campaigns…; see the OpenAPI tag `campaigns`). */
import type { Category, RegistryKind } from '@app/domain';

export type CampaignStatus = 'DRAFT' | 'IN_PROGRESS' | 'CLOSED';
export type CampaignItemStatus = 'UNASSIGNED' | 'ASSIGNED' | 'PASSED' | 'FAILED';
export type CampaignStrata = 'NONE' | 'KIND' | 'REGION_LEVEL' | 'MONITORING_BAND';
export type CampaignWeighting = 'EQUAL' | 'MONITORING_SCORE' | 'COMPLAINTS';

export const STRATA: readonly CampaignStrata[] = ['NONE', 'KIND', 'REGION_LEVEL', 'MONITORING_BAND'];
export const WEIGHTINGS: readonly CampaignWeighting[] = ['EQUAL', 'MONITORING_SCORE', 'COMPLAINTS'];

/** The strata a choice produces, in the sampler's order. */
export const STRATUM_NAMES: Record<CampaignStrata, readonly string[]> = {
  NONE: ['ALL'],
  KIND: ['APP', 'MINI_PROGRAM', 'PUBLIC_ACCOUNT', 'WORK_GROUP'],
  REGION_LEVEL: ['PROVINCE', 'CITY', 'COUNTY'],
  MONITORING_BAND: ['HIGH', 'MEDIUM', 'LOW'],
};

export interface ChecklistItem {
  checkId: string;
  title: string;
  article: string;
  category: Category;
  appliesTo: RegistryKind[];
}

export interface CampaignScope {
  regionCodes: string[];
  kinds: RegistryKind[];
  periodFrom: string;
  periodTo: string;
}

export interface StratumQuota {
  stratum: string;
  quota: number;
}

export interface CampaignCounts {
  items: number;
  unassigned: number;
  assigned: number;
  passed: number;
  failed: number;
  overdue: number;
}

export interface Campaign {
  campaignId: string;
  title: string;
  organizationId: number;
  organizationName: string;
  status: CampaignStatus;
  scope: CampaignScope;
  sampleSize: number;
  strata: CampaignStrata;
  quotas: StratumQuota[] | null;
  weighting: CampaignWeighting;
  seed: string;
  deadlineWorkingDays: number;
  snapshotFingerprint: string | null;
  snapshotSize: number | null;
  allocation: { stratum: string; population: number; quota: number }[] | null;
  counts: CampaignCounts;
  createdBy: number;
  createdAt: string;
  drawnAt: string | null;
  closedAt: string | null;
}

export interface CheckResult {
  checkId: string;
  passed: boolean;
  note: string;
}

export interface CampaignItem {
  campaignId: string;
  campaignTitle: string;
  itemNo: number;
  stratum: string;
  weight: number;
  registryEntryId: number;
  registryEntryVersion: number;
  entryName: string;
  kind: RegistryKind;
  regionCode: string;
  hostUnitId: number;
  hostUnitName: string;
  checks: string[];
  status: CampaignItemStatus;
  inspectorUserId: number | null;
  /** Present when the API names the inspector. */
  inspectorName?: string | null;
  assignedAt: string | null;
  remindAt: string | null;
  deadlineAt: string | null;
  overdue: boolean;
  results: CheckResult[] | null;
  evidenceRef: string | null;
  completedAt: string | null;
  findingCaseId: string | null;
  findingCaseNo: string | null;
}

export interface CreateCampaign {
  title: string;
  scope: CampaignScope;
  sampleSize: number;
  strata: CampaignStrata;
  quotas?: StratumQuota[];
  weighting: CampaignWeighting;
  seed?: string;
  deadlineWorkingDays?: number;
}

export interface RecordResult {
  results: CheckResult[];
  evidenceRef?: string;
  severity?: 'GENERAL' | 'SERIOUS' | 'DISCIPLINARY';
}

export interface CampaignSummary {
  campaignId: string;
  title: string;
  status: CampaignStatus;
  totals: { items: number; passed: number; failed: number; pending: number };
  byStratum: { stratum: string; population: number; quota: number; drawn: number; passed: number; failed: number; pending: number }[];
  findingsByCategory: { category: Category; count: number }[];
  cases: { itemNo: number; entryName: string; caseId: string; caseNo: string; category: Category; stage: string | null; status: 'OPEN' | 'CLOSED' | null }[];
}

export interface Inspector {
  userId: number;
  displayName: string;
  /** Given by the user directory (administrators' fallback), not by the campaign's list. */
  username?: string;
}

/** Spot-check campaigns as the API answers them (GET/POST /api/v1/campaigns…; see the OpenAPI tag `campaigns`). */
import { CAMPAIGN_STRATA, CAMPAIGN_WEIGHTINGS } from '@app/domain';
export { strataNames } from '@app/domain';
import type { CampaignDefinition, CampaignItemStatus, CampaignStatus, CampaignStrata, CampaignWeighting, Category, RegistryKind } from '@app/domain';

export type { CampaignItemStatus, CampaignStatus, CampaignStrata, CampaignWeighting, ChecklistItem } from '@app/domain';

export const STRATA = CAMPAIGN_STRATA;
export const WEIGHTINGS = CAMPAIGN_WEIGHTINGS;

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

/** A campaign as the API answers it: the definition (libs/domain) with what the office and the draw add. */
export interface Campaign extends CampaignDefinition {
  campaignId: string;
  organizationName: string;
  status: CampaignStatus;
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
  /** Present when the API gives it; otherwise the pages read it from the campaign. */
  campaignStatus?: CampaignStatus;
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

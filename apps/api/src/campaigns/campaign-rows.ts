import type { CampaignDefinition, CampaignItemStatus, CampaignStatus, CheckResult, RegistryKind } from '@app/domain';
import type { CampaignItemResponse, CampaignResponse } from './campaigns.dtos';

/** A row of `campaigns` (JSON columns come back as text or parsed, by driver). */
export interface CampaignRow {
  id: string;
  organization_id: number;
  organization_name: string;
  title: string;
  status: CampaignStatus;
  definition: string | CampaignDefinition;
  snapshot_fingerprint: string | null;
  snapshot_size: number | null;
  allocation: unknown;
  created_by: number | null;
  created_at: Date;
  drawn_at: Date | null;
  closed_at: Date | null;
}

export interface CampaignItemRow {
  campaign_id: string;
  item_no: number;
  registry_entry_id: number;
  registry_entry_version: number;
  entry_name: string;
  kind: RegistryKind;
  region_code: string;
  host_unit_id: number;
  host_unit_name: string;
  stratum: string;
  weight: number;
  checks: unknown;
  status: CampaignItemStatus;
  inspector_user_id: number | null;
  assigned_at: Date | null;
  remind_at: Date | null;
  deadline_at: Date | null;
  results: unknown;
  evidence_ref: string | null;
  completed_at: Date | null;
  finding_case_id: string | null;
  finding_case_no: string | null;
}

const json = <T>(value: unknown): T | null => (value === null || value === undefined ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as T));
const overdue = (i: CampaignItemRow, now: number) => i.status === 'ASSIGNED' && i.deadline_at !== null && new Date(i.deadline_at).getTime() < now;

export function campaignOf(row: CampaignRow, items: CampaignItemRow[]): CampaignResponse {
  const d = json<CampaignDefinition>(row.definition)!;
  const now = Date.now();
  const count = (status: CampaignItemStatus) => items.filter((i) => i.status === status).length;
  return {
    campaignId: row.id,
    title: row.title,
    organizationId: Number(row.organization_id),
    organizationName: row.organization_name,
    status: row.status,
    scope: d.scope,
    sampleSize: d.sampleSize,
    strata: d.strata,
    quotas: d.quotas,
    weighting: d.weighting,
    seed: d.seed,
    deadlineWorkingDays: d.deadlineWorkingDays,
    snapshotFingerprint: row.snapshot_fingerprint,
    snapshotSize: row.snapshot_size === null ? null : Number(row.snapshot_size),
    allocation: json(row.allocation),
    counts: { items: items.length, unassigned: count('UNASSIGNED'), assigned: count('ASSIGNED'), passed: count('PASSED'), failed: count('FAILED'), overdue: items.filter((i) => overdue(i, now)).length },
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdAt: row.created_at,
    drawnAt: row.drawn_at,
    closedAt: row.closed_at,
  };
}

export function itemOf(i: CampaignItemRow, campaignTitle: string): CampaignItemResponse {
  return {
    campaignId: i.campaign_id,
    campaignTitle,
    itemNo: Number(i.item_no),
    stratum: i.stratum,
    weight: Number(i.weight),
    registryEntryId: Number(i.registry_entry_id),
    registryEntryVersion: Number(i.registry_entry_version),
    entryName: i.entry_name,
    kind: i.kind,
    regionCode: i.region_code,
    hostUnitId: Number(i.host_unit_id),
    hostUnitName: i.host_unit_name,
    checks: json<string[]>(i.checks) ?? [],
    status: i.status,
    inspectorUserId: i.inspector_user_id === null ? null : Number(i.inspector_user_id),
    assignedAt: i.assigned_at,
    remindAt: i.remind_at,
    deadlineAt: i.deadline_at,
    overdue: overdue(i, Date.now()),
    results: json<CheckResult[]>(i.results),
    evidenceRef: i.evidence_ref,
    completedAt: i.completed_at,
    findingCaseId: i.finding_case_id,
    findingCaseNo: i.finding_case_no,
  };
}

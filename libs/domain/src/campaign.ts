import type { ActorRef } from './case-actions';
import type { Category, Severity } from './case-vocabulary';
import { checklistItem } from './campaign-checklist';
import type { CampaignStrata, CampaignWeighting, StratumAllocation, StratumQuota } from './campaign-sampler';
import type { RegistryKind } from './registry-vocabulary';
import type { OrganizationKind, Role } from './roles';

/** Spot-check campaigns (抽查评估): their vocabulary and rules, as data; the workflow carries them out. */
export const CAMPAIGN_STATUSES = ['DRAFT', 'IN_PROGRESS', 'CLOSED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_ITEM_STATUSES = ['UNASSIGNED', 'ASSIGNED', 'PASSED', 'FAILED'] as const;
export type CampaignItemStatus = (typeof CAMPAIGN_ITEM_STATUSES)[number];

/** The offices that run campaigns (the policy gives 抽查评估 to the central and provincial offices), and who in them. */
export const CAMPAIGN_OFFICE_KINDS: readonly OrganizationKind[] = ['CENTRAL_OFFICE', 'PROVINCIAL_OFFICE'];
export const CAMPAIGN_RUN_ROLES: readonly Role[] = ['ADMIN', 'INSPECTOR'];
export const CAMPAIGN_READ_ROLES: readonly Role[] = ['ADMIN', 'INSPECTOR', 'SUPERVISOR'];

export const CAMPAIGN_DEFAULT_DEADLINE_WORKING_DAYS = 10;
export const CAMPAIGN_MAX_SAMPLE = 500;

export const campaignWorkflowId = (campaignId: string): string => `campaign-${campaignId}`;

export interface CampaignScope {
  regionCodes: string[];
  kinds: RegistryKind[];
  periodFrom: string;
  periodTo: string;
}

export interface CampaignDefinition {
  title: string;
  organizationId: number;
  scope: CampaignScope;
  sampleSize: number;
  strata: CampaignStrata;
  quotas: StratumQuota[] | null;
  weighting: CampaignWeighting;
  seed: string;
  deadlineWorkingDays: number;
}

export interface CampaignInput {
  campaignId: string;
  definition: CampaignDefinition;
  createdBy: ActorRef;
  createdAt: string;
}

export interface CheckResult {
  checkId: string;
  passed: boolean;
  note: string;
}

/** An entry as drawn: which version of it, from which stratum, with which weight. */
export interface DrawnEntry {
  itemNo: number;
  registryEntryId: number;
  registryEntryVersion: number;
  entryName: string;
  kind: RegistryKind;
  regionCode: string;
  hostUnitId: number;
  hostUnitName: string;
  stratum: string;
  weight: number;
  checks: string[];
}

export interface CampaignItemState extends DrawnEntry {
  status: CampaignItemStatus;
  inspectorUserId: number | null;
  assignedAt: string | null;
  remindAt: string | null;
  deadlineAt: string | null;
  /** How many times the item was assigned: the notices of each assignment have keys of their own. */
  assignments: number;
  reminded: boolean;
  overdueWarned: boolean;
  results: CheckResult[] | null;
  evidenceRef: string | null;
  severity: Severity | null;
  completedAt: string | null;
  findingCaseId: string | null;
  findingCaseNo: string | null;
}

export interface CampaignDraw {
  snapshotFingerprint: string;
  snapshotSize: number;
  allocation: StratumAllocation[];
  entries: DrawnEntry[];
}

export interface CampaignState {
  campaignId: string;
  definition: CampaignDefinition;
  status: CampaignStatus;
  createdBy: ActorRef;
  createdAt: string;
  drawnAt: string | null;
  closedAt: string | null;
  snapshotFingerprint: string | null;
  snapshotSize: number | null;
  allocation: StratumAllocation[] | null;
  items: CampaignItemState[];
  revision: number;
}

/** The campaign without its items: what a projection write carries besides the items that changed. */
export type CampaignHeader = Omit<CampaignState, 'items'>;
/** What an Update answers: small, since each answer stays in the workflow's history; the API reads the projection. */
export type CampaignAnswer = Pick<CampaignState, 'campaignId' | 'status' | 'revision'>;

export const campaignHeader = ({ items: _items, ...header }: CampaignState): CampaignHeader => header;

export interface CampaignAssignment {
  itemNo: number;
  inspectorUserId: number;
}

export type CampaignCommand =
  | { action: 'draw'; actor: ActorRef }
  | { action: 'assign'; actor: ActorRef; assignments: CampaignAssignment[] }
  | { action: 'record'; actor: ActorRef; itemNo: number; results: CheckResult[]; evidenceRef: string | null; severity: Severity | null }
  | { action: 'close'; actor: ActorRef; note: string | null };
export type CampaignAction = CampaignCommand['action'];

const ACTION_ROLES: Record<CampaignAction, readonly Role[]> = { draw: CAMPAIGN_RUN_ROLES, assign: CAMPAIGN_RUN_ROLES, record: ['INSPECTOR'], close: CAMPAIGN_RUN_ROLES };
const ACTION_STATUSES: Record<CampaignAction, readonly CampaignStatus[]> = { draw: ['DRAFT'], assign: ['IN_PROGRESS'], record: ['IN_PROGRESS'], close: ['DRAFT', 'IN_PROGRESS'] };

export function initialCampaignState(input: CampaignInput): CampaignState {
  return {
    campaignId: input.campaignId,
    definition: input.definition,
    status: 'DRAFT',
    createdBy: input.createdBy,
    createdAt: input.createdAt,
    drawnAt: null,
    closedAt: null,
    snapshotFingerprint: null,
    snapshotSize: null,
    allocation: null,
    items: [],
    revision: 0,
  };
}

export const itemDone = (item: Pick<CampaignItemState, 'status'>): boolean => item.status === 'PASSED' || item.status === 'FAILED';

/** What is wrong with a checklist result for an item, or null: one answer per check of the item, a note for each failure. */
export function checkResultsProblem(checks: readonly string[], results: readonly CheckResult[]): string | null {
  const given = results.map((r) => r.checkId);
  if (new Set(given).size !== given.length) return 'results: a check is answered twice';
  const unknown = given.find((id) => !checks.includes(id));
  if (unknown) return `results: ${unknown} is not a check of this item`;
  const missing = checks.find((id) => !given.includes(id));
  if (missing) return `results: ${missing} is not answered`;
  const bare = results.find((r) => !r.passed && r.note.trim().length < 2);
  if (bare) return `results: the failed check ${bare.checkId} needs a note`;
  return null;
}

/** Why the rules refuse a command (English, coded in error-codes.ts), or null. */
export function refuseCampaignAction(state: CampaignState, command: CampaignCommand): string | null {
  if (command.actor.role === 'COMPLAINANT' || !ACTION_ROLES[command.action].includes(command.actor.role)) return `This action needs one of the roles: ${ACTION_ROLES[command.action].join(', ')}`;
  if (!ACTION_STATUSES[command.action].includes(state.status)) return `${command.action} is not allowed while the campaign is ${state.status}`;
  if (command.action === 'assign') {
    for (const a of command.assignments) {
      const item = state.items.find((i) => i.itemNo === a.itemNo);
      if (!item) return 'Campaign item not found';
      if (itemDone(item)) return "the item's result is already recorded";
    }
  }
  if (command.action === 'record') {
    const item = state.items.find((i) => i.itemNo === command.itemNo);
    if (!item) return 'Campaign item not found';
    if (itemDone(item)) return "the item's result is already recorded";
    if (item.inspectorUserId === null || item.inspectorUserId !== command.actor.userId) return 'only the inspector assigned to the item records its result';
    const problem = checkResultsProblem(item.checks, command.results);
    if (problem) return `Invalid campaign result: ${problem}`;
  }
  return null;
}

/** The categories of an item's failed checks, in checklist order; the first is the finding's category. */
export function failedCategories(results: readonly CheckResult[]): Category[] {
  return results.filter((r) => !r.passed).map((r) => checklistItem(r.checkId)?.category ?? 'OTHER');
}

/** The finding's description: names the campaign and the item, lists each failed check with its note. */
export function findingDescription(state: Pick<CampaignState, 'campaignId' | 'definition'>, item: Pick<CampaignItemState, 'itemNo' | 'entryName' | 'results' | 'evidenceRef'>): string {
  const failed = (item.results ?? []).filter((r) => !r.passed).map((r) => `${checklistItem(r.checkId)?.title ?? r.checkId}：${r.note}`);
  const text = [
    `抽查评估「${state.definition.title}」（${state.campaignId}）第${item.itemNo}项「${item.entryName}」未通过：`,
    ...failed.map((f, i) => `${i + 1}. ${f}`),
    ...(item.evidenceRef ? [`证据：${item.evidenceRef}`] : []),
  ].join('\n');
  return text.slice(0, 5000);
}

export const campaignFindingKey = (campaignId: string, itemNo: number): string => `campaign:${campaignId}:${itemNo}`;


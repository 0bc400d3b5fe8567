import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  CAMPAIGN_ITEM_STATUSES,
  CAMPAIGN_MAX_SAMPLE,
  CAMPAIGN_STATUSES,
  CAMPAIGN_STRATA,
  CAMPAIGN_WEIGHTINGS,
  CATEGORIES,
  CATEGORY_ZH,
  REGION_CODE_PATTERN,
  REGISTRY_KIND_ZH,
  REGISTRY_KINDS,
  SEVERITIES,
  zhValues,
  type CampaignItemStatus,
  type CampaignStatus,
  type CampaignStrata,
  type CampaignWeighting,
  type Category,
  type RegistryKind,
  type Severity,
} from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const STRATA_DOC = 'NONE: one stratum ALL · KIND: APP, MINI_PROGRAM, PUBLIC_ACCOUNT, WORK_GROUP · REGION_LEVEL: PROVINCE, CITY, COUNTY · MONITORING_BAND: HIGH (score ≥ 60), MEDIUM (≥ 30), LOW';
const WEIGHTING_DOC = 'EQUAL: weight 1 · MONITORING_SCORE: the focused-monitoring score (0 is drawn last) · COMPLAINTS: 1 + complaints naming the entry';

export class CampaignScopeDto {
  @ApiProperty({ type: [String], example: ['440000'], description: 'GB/T 2260 codes within your office\'s region; an entry in one of them or below is in scope' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(REGION_CODE_PATTERN, { each: true, message: 'regionCodes must be six-digit GB/T 2260 region codes' })
  regionCodes: string[];

  @ApiProperty({ enum: REGISTRY_KINDS, isArray: true, description: `Empty: every kind. ${zhValues(REGISTRY_KIND_ZH)}` })
  @IsArray() @ArrayMaxSize(REGISTRY_KINDS.length) @IsIn(REGISTRY_KINDS, { each: true })
  kinds: RegistryKind[];

  @ApiProperty({ example: '2026-10-01', description: 'Entries active in the period are in scope' })
  @Matches(DATE, { message: 'periodFrom must be a date YYYY-MM-DD' })
  periodFrom: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(DATE, { message: 'periodTo must be a date YYYY-MM-DD' })
  periodTo: string;
}

export class StratumQuotaDto {
  @ApiProperty({ example: 'APP' })
  @IsString() @Length(1, 20)
  stratum: string;

  @ApiProperty({ minimum: 0, maximum: CAMPAIGN_MAX_SAMPLE })
  @IsInt() @Min(0) @Max(CAMPAIGN_MAX_SAMPLE)
  quota: number;
}

export class CreateCampaignDto {
  @ApiProperty({ example: '2026年第四季度政务应用程序抽查评估' })
  @IsString() @Length(1, 100)
  title: string;

  @ApiProperty({ type: CampaignScopeDto })
  @IsObject() @ValidateNested() @Type(() => CampaignScopeDto)
  scope: CampaignScopeDto;

  @ApiProperty({ minimum: 1, maximum: CAMPAIGN_MAX_SAMPLE, description: 'With quotas: their sum' })
  @IsInt() @Min(1) @Max(CAMPAIGN_MAX_SAMPLE)
  sampleSize: number;

  @ApiProperty({ enum: CAMPAIGN_STRATA, description: STRATA_DOC })
  @IsIn(CAMPAIGN_STRATA)
  strata: CampaignStrata;

  @ApiPropertyOptional({ type: [StratumQuotaDto], description: 'Explicit quotas per stratum (capped at the stratum\'s population); without them: proportional allocation' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => StratumQuotaDto)
  quotas?: StratumQuotaDto[];

  @ApiProperty({ enum: CAMPAIGN_WEIGHTINGS, description: WEIGHTING_DOC })
  @IsIn(CAMPAIGN_WEIGHTINGS)
  weighting: CampaignWeighting;

  @ApiPropertyOptional({ example: '2026-Q4-GD', description: 'The seed of the draw; without it a random one is chosen and kept' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'seed must be 1 to 64 characters of letters, digits and . _ : -' })
  seed?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: 10, description: 'Working days an inspector has for an item, from its assignment' })
  @IsOptional() @IsInt() @Min(1) @Max(60)
  deadlineWorkingDays?: number;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional() @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;
}

export class ListCampaignItemsQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_ITEM_STATUSES })
  @IsOptional() @IsIn(CAMPAIGN_ITEM_STATUSES)
  status?: CampaignItemStatus;

  @ApiPropertyOptional({ description: 'Only the items assigned to this inspector' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  inspectorUserId?: number;
}

export class MyCampaignItemsQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_ITEM_STATUSES })
  @IsOptional() @IsIn(CAMPAIGN_ITEM_STATUSES)
  status?: CampaignItemStatus;
}

export class CampaignAssignmentDto {
  @ApiProperty({ minimum: 1 })
  @IsInt() @Min(1) @Max(CAMPAIGN_MAX_SAMPLE)
  itemNo: number;

  @ApiProperty({ description: 'An active INSPECTOR of the campaign\'s office' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  inspectorUserId: number;
}

export class AssignCampaignItemsDto {
  @ApiProperty({ type: [CampaignAssignmentDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CAMPAIGN_MAX_SAMPLE) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CampaignAssignmentDto)
  assignments: CampaignAssignmentDto[];
}

export class CheckResultDto {
  @ApiProperty({ example: 'FORCED_DOWNLOAD', description: 'A checkId of GET /campaign-checklist that applies to the item' })
  @IsString() @Length(1, 40)
  checkId: string;

  @ApiProperty()
  @IsBoolean()
  passed: boolean;

  @ApiProperty({ description: 'What was found; required (2 characters or more) when the check failed', example: '' })
  @IsString() @Length(0, 500)
  note: string;
}

export class RecordCampaignResultDto {
  @ApiProperty({ type: [CheckResultDto], description: 'One answer per check of the item' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CheckResultDto)
  results: CheckResultDto[];

  @ApiPropertyOptional({ description: 'An evidence file id or an archive reference' })
  @IsOptional() @IsString() @Length(1, 200)
  evidenceRef?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'Of the finding when the item fails; default GENERAL' })
  @IsOptional() @IsIn(SEVERITIES)
  severity?: Severity;
}

export class CloseCampaignDto {
  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 500)
  note?: string;
}

// ---- Answers ----

export class ChecklistItemResponse {
  @ApiProperty() checkId: string;
  @ApiProperty({ description: 'zh-CN' }) title: string;
  @ApiProperty({ description: 'zh-CN: the policy\'s words' }) article: string;
  @ApiProperty({ enum: CATEGORIES, description: zhValues(CATEGORY_ZH) }) category: Category;
  @ApiProperty({ enum: REGISTRY_KINDS, isArray: true }) appliesTo: RegistryKind[];
}

export class ChecklistResponse {
  @ApiProperty({ type: [ChecklistItemResponse] }) items: ChecklistItemResponse[];
}

export class StratumAllocationResponse {
  @ApiProperty() stratum: string;
  @ApiProperty() population: number;
  @ApiProperty() quota: number;
}

export class CampaignCountsResponse {
  @ApiProperty() items: number;
  @ApiProperty() unassigned: number;
  @ApiProperty() assigned: number;
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
  @ApiProperty() overdue: number;
}

export class CampaignResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() title: string;
  @ApiProperty() organizationId: number;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty({ type: CampaignScopeDto }) scope: CampaignScopeDto;
  @ApiProperty() sampleSize: number;
  @ApiProperty({ enum: CAMPAIGN_STRATA }) strata: CampaignStrata;
  @ApiNullableProperty(StratumQuotaDto, { isArray: true }) quotas: StratumQuotaDto[] | null;
  @ApiProperty({ enum: CAMPAIGN_WEIGHTINGS }) weighting: CampaignWeighting;
  @ApiProperty() seed: string;
  @ApiProperty() deadlineWorkingDays: number;
  @ApiNullableProperty(String, { description: 'SHA-256 of the registry snapshot drawn from' }) snapshotFingerprint: string | null;
  @ApiNullableProperty('integer') snapshotSize: number | null;
  @ApiNullableProperty(StratumAllocationResponse, { isArray: true }) allocation: StratumAllocationResponse[] | null;
  @ApiProperty({ type: CampaignCountsResponse }) counts: CampaignCountsResponse;
  @ApiNullableProperty('integer') createdBy: number | null;
  @ApiProperty() createdAt: Date;
  @ApiNullableProperty(Date) drawnAt: Date | null;
  @ApiNullableProperty(Date) closedAt: Date | null;
}

export class CampaignListResponse {
  @ApiProperty({ type: [CampaignResponse] }) items: CampaignResponse[];
}

export class CampaignItemResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty({ description: '1-based draw order' }) itemNo: number;
  @ApiProperty() stratum: string;
  @ApiProperty() weight: number;
  @ApiProperty() registryEntryId: number;
  @ApiProperty({ description: 'The version of the entry drawn' }) registryEntryVersion: number;
  @ApiProperty() entryName: string;
  @ApiProperty({ enum: REGISTRY_KINDS }) kind: RegistryKind;
  @ApiProperty() regionCode: string;
  @ApiProperty() hostUnitId: number;
  @ApiProperty() hostUnitName: string;
  @ApiProperty({ type: [String], description: 'The checkIds that apply to the item' }) checks: string[];
  @ApiProperty({ enum: CAMPAIGN_ITEM_STATUSES }) status: CampaignItemStatus;
  @ApiNullableProperty('integer') inspectorUserId: number | null;
  @ApiNullableProperty(Date) assignedAt: Date | null;
  @ApiNullableProperty(Date, { description: 'The reminder to the inspector (two thirds of the working time)' }) remindAt: Date | null;
  @ApiNullableProperty(Date) deadlineAt: Date | null;
  @ApiProperty() overdue: boolean;
  @ApiNullableProperty(CheckResultDto, { isArray: true }) results: CheckResultDto[] | null;
  @ApiNullableProperty(String) evidenceRef: string | null;
  @ApiNullableProperty(Date) completedAt: Date | null;
  @ApiNullableProperty(String, { description: 'The spot-check finding case of a FAILED item' }) findingCaseId: string | null;
  @ApiNullableProperty(String) findingCaseNo: string | null;
}

export class CampaignItemListResponse {
  @ApiProperty({ type: [CampaignItemResponse] }) items: CampaignItemResponse[];
}

export class CampaignDrawResponse {
  @ApiProperty({ type: CampaignResponse }) campaign: CampaignResponse;
  @ApiProperty({ type: [CampaignItemResponse] }) items: CampaignItemResponse[];
}

export class SummaryTotalsResponse {
  @ApiProperty() items: number;
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
  @ApiProperty() pending: number;
}

export class SummaryStratumResponse {
  @ApiProperty() stratum: string;
  @ApiProperty() population: number;
  @ApiProperty() quota: number;
  @ApiProperty() drawn: number;
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
  @ApiProperty() pending: number;
}

export class SummaryCategoryResponse {
  @ApiProperty({ enum: CATEGORIES }) category: Category;
  @ApiProperty({ description: 'Failed checks of the category' }) count: number;
}

export class SummaryCaseResponse {
  @ApiProperty() itemNo: number;
  @ApiProperty() entryName: string;
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: CATEGORIES }) category: Category;
  @ApiNullableProperty(String, { description: 'The case\'s current stage; null while it registers' }) stage: string | null;
  @ApiNullableProperty(['OPEN', 'CLOSED']) status: 'OPEN' | 'CLOSED' | null;
}

export class CampaignSummaryResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty({ type: SummaryTotalsResponse }) totals: SummaryTotalsResponse;
  @ApiProperty({ type: [SummaryStratumResponse] }) byStratum: SummaryStratumResponse[];
  @ApiProperty({ type: [SummaryCategoryResponse] }) findingsByCategory: SummaryCategoryResponse[];
  @ApiProperty({ type: [SummaryCaseResponse] }) cases: SummaryCaseResponse[];
}

export class CampaignInspectorResponse {
  @ApiProperty() userId: number;
  @ApiProperty() displayName: string;
}

export class CampaignInspectorListResponse {
  @ApiProperty({ type: [CampaignInspectorResponse] }) items: CampaignInspectorResponse[];
}

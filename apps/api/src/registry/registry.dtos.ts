import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  REGISTRY_CHANGE_ZH,
  REGISTRY_CHANGES,
  REGISTRY_FLAG_ZH,
  REGISTRY_FLAGS,
  REGISTRY_KIND_ZH,
  REGISTRY_KINDS,
  REGISTRY_PLATFORM_ZH,
  REGISTRY_PLATFORMS,
  REGISTRY_STATUS_ZH,
  REGISTRY_STATUSES,
  RESTRICTED_FEATURE_ZH,
  RESTRICTED_FEATURES,
  zhValues,
  type RegistryChange,
  type RegistryFlag,
  type RegistryKind,
  type RegistryPlatform,
  type RegistryStatus,
  type RestrictedFeature,
} from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';
import { PageQuery } from '../common/page.query';
import { IsGbt2260Region } from '../regions/is-region-code.validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegistryFeatureDto {
  @ApiProperty({ enum: RESTRICTED_FEATURES, description: zhValues(RESTRICTED_FEATURE_ZH) })
  @IsIn(RESTRICTED_FEATURES)
  feature: RestrictedFeature;

  @ApiProperty({ description: 'Whether setting the feature was approved' })
  @IsBoolean()
  approved: boolean;

  @ApiNullableProperty(String, { required: false, example: '粤网信函〔2024〕12号', maxLength: 100, description: 'The approving document; required when approved' })
  @IsOptional() @IsString() @Length(1, 100) @Transform(trimmed)
  approvalDocument?: string | null;
}

/** The fields of an entry; rules across fields (platform fits the kind, ICP for apps, ...) are libs/domain's registryEntryProblems. */
export class CreateRegistryEntryDto {
  @ApiProperty({ example: '穗好办', maxLength: 100 })
  @IsString() @Transform(trimmed) @Length(1, 100)
  name: string;

  @ApiProperty({ enum: REGISTRY_KINDS, description: zhValues(REGISTRY_KIND_ZH) })
  @IsIn(REGISTRY_KINDS)
  kind: RegistryKind;

  @ApiProperty({ enum: REGISTRY_PLATFORMS, description: zhValues(REGISTRY_PLATFORM_ZH) })
  @IsIn(REGISTRY_PLATFORMS)
  platform: RegistryPlatform;

  @ApiProperty({ description: 'The host unit (主办单位): an organization within your jurisdiction, not a discipline body' })
  @IsInt() @Min(1)
  hostUnitId: number;

  @ApiProperty({ example: '440106', description: "GB/T 2260 code (GET /api/v1/regions), within the host unit's region" })
  @IsGbt2260Region()
  regionCode: string;

  @ApiNullableProperty(String, { required: false, example: '粤ICP备2023123456号-1A', description: 'Required for apps (suffix A) and mini programs (suffix X); none for accounts and groups' })
  @IsOptional() @IsString() @Length(1, 40)
  icpFiling?: string | null;

  @ApiNullableProperty(String, { required: false, example: '2021-05-01', format: 'date' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  launchedOn?: string | null;

  @ApiNullableProperty('integer', { required: false, description: 'Declared number of users' })
  @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000)
  declaredUsers?: number | null;

  @ApiProperty({ type: [RegistryFeatureDto], required: false, description: 'The restricted features the entry has; absent ones it does not have' })
  @IsOptional() @IsArray() @ArrayMaxSize(RESTRICTED_FEATURES.length) @ValidateNested({ each: true }) @Type(() => RegistryFeatureDto)
  features?: RegistryFeatureDto[];

  @ApiProperty({ enum: REGISTRY_STATUSES, description: zhValues(REGISTRY_STATUS_ZH) })
  @IsIn(REGISTRY_STATUSES)
  status: RegistryStatus;

  @ApiNullableProperty(String, { required: false, format: 'date', description: 'Required while CLOSING' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  closingAnnouncedOn?: string | null;

  @ApiNullableProperty(String, { required: false, format: 'date', description: 'Public accounts only' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  lastContentUpdateOn?: string | null;

  @ApiNullableProperty(String, { required: false, format: 'date' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  lastUsedOn?: string | null;
}

/** A change: only the fields sent change; null clears an optional field. */
export class UpdateRegistryEntryDto extends PartialType(CreateRegistryEntryDto) {}

export class ListRegistryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRY_KINDS })
  @IsOptional() @IsIn(REGISTRY_KINDS)
  kind?: RegistryKind;

  @ApiPropertyOptional({ enum: REGISTRY_STATUSES })
  @IsOptional() @IsIn(REGISTRY_STATUSES)
  status?: RegistryStatus;

  @ApiPropertyOptional({ enum: REGISTRY_FLAGS, description: zhValues(REGISTRY_FLAG_ZH) })
  @IsOptional() @IsIn(REGISTRY_FLAGS)
  flag?: RegistryFlag;

  @ApiPropertyOptional({ description: 'A region and everything under it: 440000 takes all of Guangdong' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be six digits' })
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  hostUnitId?: number;

  @ApiPropertyOptional({ description: 'Part of the name (no control characters; a parameter that does not decode is refused)', maxLength: 100 })
  @IsOptional() @IsString() @Length(1, 100)
  // An undecodable escape reaches here as its raw text (%ED%A0%80), a NUL as a control character: neither is a name.
  @Matches(/^[^\p{Cc}\p{Cs}\uFFFD%]+$/u, { message: 'q must be text without control characters or undecodable escapes' })
  q?: string;
}

export class RegistryFlagResponse {
  @ApiProperty({ enum: REGISTRY_FLAGS }) flag: RegistryFlag;
  @ApiProperty({ description: 'Why, in zh-CN' }) reason: string;
}

export class RegistryFeatureResponse {
  @ApiProperty({ enum: RESTRICTED_FEATURES }) feature: RestrictedFeature;
  @ApiProperty() approved: boolean;
  @ApiNullableProperty(String) approvalDocument: string | null;
}

export class RegistryEntryResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRY_KINDS }) kind: RegistryKind;
  @ApiProperty({ enum: REGISTRY_PLATFORMS }) platform: RegistryPlatform;
  @ApiProperty() hostUnitId: number;
  @ApiProperty() hostUnitName: string;
  @ApiProperty() regionCode: string;
  @ApiNullableProperty(String) icpFiling: string | null;
  @ApiNullableProperty(String, { format: 'date' }) launchedOn: string | null;
  @ApiNullableProperty('integer') declaredUsers: number | null;
  @ApiProperty({ type: [RegistryFeatureResponse] }) features: RegistryFeatureResponse[];
  @ApiProperty({ enum: REGISTRY_STATUSES }) status: RegistryStatus;
  @ApiNullableProperty(String, { format: 'date' }) closingAnnouncedOn: string | null;
  @ApiNullableProperty(String, { format: 'date' }) lastContentUpdateOn: string | null;
  @ApiNullableProperty(String, { format: 'date' }) lastUsedOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [RegistryFlagResponse] }) flags: RegistryFlagResponse[];
}

export class RegistryListResponse {
  @ApiProperty({ type: [RegistryEntryResponse] }) items: RegistryEntryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RegistryVersionResponse {
  @ApiProperty() version: number;
  @ApiProperty({ enum: REGISTRY_CHANGES, description: zhValues(REGISTRY_CHANGE_ZH) }) change: RegistryChange;
  @ApiProperty({ description: 'The entry as it was after this change (the fields of the create body)' }) content: CreateRegistryEntryDto;
  @ApiProperty() changedBy: number;
  @ApiProperty() changedByName: string;
  @ApiProperty() changedByRole: string;
  @ApiProperty() changedAt: Date;
}

export class RegistryImportProblem {
  @ApiProperty({ description: 'The row number in the sheet (the header is row 1)' }) row: number;
  @ApiProperty({ description: 'The column header, or empty for the row as a whole' }) column: string;
  @ApiProperty({ description: 'Why, in zh-CN' }) reason: string;
}

export class RegistryImportReport {
  @ApiProperty({ description: 'Rows read (without the header and blank rows)' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'Rows equal to the entry already registered: nothing written' }) unchanged: number;
  @ApiProperty({ description: 'Rows refused: nothing of them was written' }) refused: number;
  @ApiProperty({ type: [RegistryImportProblem] }) problems: RegistryImportProblem[];
}

export class RegistryHostUnitResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() regionCode: string;
}

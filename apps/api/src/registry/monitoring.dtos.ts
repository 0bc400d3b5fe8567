import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmptyObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_SCORE_WEIGHT, REGISTRY_KINDS, REGISTRY_STATUSES, SCORE_FACTOR_ZH, zhValues, type RegistryKind, type RegistryStatus } from '@app/domain';
import { PageQuery } from '../common/page.query';

const weight = () => ApiProperty({ minimum: 0, maximum: MAX_SCORE_WEIGHT, type: 'integer' });

export class ScoreWeightsDto {
  @weight() @IsInt() @Min(0) @Max(MAX_SCORE_WEIGHT) USER_SCALE: number;
  @weight() @IsInt() @Min(0) @Max(MAX_SCORE_WEIGHT) FEATURES: number;
  @weight() @IsInt() @Min(0) @Max(MAX_SCORE_WEIGHT) FREQUENCY: number;
  @weight() @IsInt() @Min(0) @Max(MAX_SCORE_WEIGHT) REACH: number;
  @weight() @IsInt() @Min(0) @Max(MAX_SCORE_WEIGHT) COMPLAINTS: number;
}

export class SetScoreWeightsDto {
  @ApiProperty({ type: ScoreWeightsDto, description: `One whole weight 0–${MAX_SCORE_WEIGHT} per factor, at least one above 0: ${zhValues(SCORE_FACTOR_ZH)}` })
  @IsNotEmptyObject() @ValidateNested() @Type(() => ScoreWeightsDto)
  weights: ScoreWeightsDto;
}

export class ScoreWeightsResponse {
  @ApiProperty({ description: '0: the defaults, never set' }) version: number;
  @ApiProperty({ type: ScoreWeightsDto }) weights: ScoreWeightsDto;
  @ApiProperty({ nullable: true, type: Number }) createdBy: number | null;
  @ApiProperty({ nullable: true, type: Date }) createdAt: Date | null;
}

export class ScoreWeightsVersionResponse extends ScoreWeightsResponse {
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
}

export class MonitoringQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRY_KINDS })
  @IsOptional() @IsIn(REGISTRY_KINDS)
  kind?: RegistryKind;

  @ApiPropertyOptional({ description: 'A region and everything under it' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be six digits' })
  regionCode?: string;
}

export class MonitoringFactorsResponse {
  @ApiProperty() USER_SCALE: number;
  @ApiProperty() FEATURES: number;
  @ApiProperty() FREQUENCY: number;
  @ApiProperty() REACH: number;
  @ApiProperty() COMPLAINTS: number;
}

export class MonitoringItem {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRY_KINDS }) kind: RegistryKind;
  @ApiProperty() hostUnitId: number;
  @ApiProperty() hostUnitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: REGISTRY_STATUSES }) status: RegistryStatus;
  @ApiProperty({ description: '0–100: the weighted mean of the factors × 100' }) score: number;
  @ApiProperty({ type: MonitoringFactorsResponse, description: 'Each factor 0–1 (README, "Registry")' }) factors: MonitoringFactorsResponse;
  @ApiProperty({ description: 'Complaints and findings linked to the entry, and those linked to none that name it (same subject name and type)' }) complaints: number;
}

export class MonitoringListResponse {
  @ApiProperty({ type: ScoreWeightsResponse }) weights: ScoreWeightsResponse;
  @ApiProperty({ type: [MonitoringItem] }) items: MonitoringItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

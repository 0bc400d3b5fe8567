import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LOOKUP_DEFAULT_LIMIT, LOOKUP_MAX_LIMIT, REGISTRY_KINDS, REGISTRY_STATUSES, SUBJECT_TYPES, type RegistryKind, type RegistryStatus, type SubjectType } from '@app/domain';
import { PageQuery } from '../common/page.query';

export class RegistryLookupQuery {
  @ApiProperty({ description: 'What was typed: part of the name, an abbreviation, or part of the host unit name', maxLength: 50, example: '穗好' })
  @IsString() @Length(1, 50)
  @Matches(/^[^\p{Cc}\p{Cs}\uFFFD%]+$/u, { message: 'q must be text without control characters or undecodable escapes' })
  q: string;

  @ApiPropertyOptional({ enum: SUBJECT_TYPES, description: 'Only entries a complaint of this subject type can name (APP takes apps and mini programs)' })
  @IsOptional() @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;

  @ApiPropertyOptional({ default: LOOKUP_DEFAULT_LIMIT, maximum: LOOKUP_MAX_LIMIT })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LOOKUP_MAX_LIMIT)
  limit: number = LOOKUP_DEFAULT_LIMIT;
}

/** What anyone may know of an entry: nothing of its flags, features, users or status. */
export class RegistryLookupItem {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRY_KINDS }) kind: RegistryKind;
  @ApiProperty() hostUnitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ example: '广东省广州市海珠区' }) regionName: string;
}

export class StaffRegistryLookupItem extends RegistryLookupItem {
  @ApiProperty({ enum: REGISTRY_STATUSES }) status: RegistryStatus;
  @ApiProperty() hostUnitId: number;
  @ApiProperty({ description: 'How well the text names the entry, 0–1 (README, "Registry")' }) score: number;
}

export class RegistryCasesQuery extends PageQuery {}

export class RegistryCaseItem {
  @ApiProperty() id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() source: string;
  @ApiProperty() category: string;
  @ApiProperty() subjectName: string;
  @ApiProperty() stage: string;
  @ApiProperty() step: string;
  @ApiProperty() status: string;
  @ApiProperty() createdAt: Date;
}

export class RegistryCasesResponse {
  @ApiProperty({ type: [RegistryCaseItem] }) items: RegistryCaseItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

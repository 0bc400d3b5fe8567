import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CATEGORIES, REGION_CODE_PATTERN, SEVERITIES, SUBJECT_TYPES, type Category, type Severity, type SubjectType } from '@app/domain';
import { IsGbt2260Region } from '../regions/is-region-code.validator';

export class CreateSpotCheckFindingDto {
  @ApiProperty({ enum: SUBJECT_TYPES })
  @IsIn(SUBJECT_TYPES)
  subjectType: SubjectType;

  @ApiProperty()
  @IsString() @Length(1, 200)
  subjectName: string;

  @ApiProperty({ example: '440100', description: 'GB/T 2260 code (GET /api/v1/regions) within the inspector\'s region' })
  @IsString() @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 region code' }) @IsGbt2260Region()
  regionCode: string;

  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES)
  category: Category;

  @ApiProperty({ enum: SEVERITIES, description: 'SERIOUS and DISCIPLINARY findings are referred to the discipline body at once' })
  @IsIn(SEVERITIES)
  severity: Severity;

  @ApiProperty()
  @IsString() @Length(10, 5000)
  description: string;

  @ApiPropertyOptional({ description: 'The host unit responsible, when known' })
  @IsOptional() @IsInt() @Min(1)
  hostUnitId?: number;

  @ApiPropertyOptional({ description: 'The registry entry the finding is about (GET /api/v1/registry/lookup): within your jurisdiction, of a kind the subject type covers' })
  @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647)
  registryEntryId?: number;
}

export class SpotCheckCreatedResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
}

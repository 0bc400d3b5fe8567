import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CIRCULAR_STATUSES, CIRCULAR_TEXT_MAX, CIRCULAR_TITLE_MAX, CIRCULAR_TYPICAL_CASES_MAX, type CircularStatus } from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';

/** Free text of a circular must not carry a phone or ID number (seven digits or more in a row). */
const NO_PERSONAL_NUMBERS = /^(?![\s\S]*\d{7})[\s\S]*$/;
const noNumbers = (field: string) => Matches(NO_PERSONAL_NUMBERS, { message: `${field} must not carry phone or ID numbers (7 or more digits in a row)` });

export class TypicalCaseDto {
  @ApiProperty({ format: 'uuid', description: 'A case within your reach; only its structured facts go into the circular' })
  @IsUUID('all')
  caseId: string;

  @ApiProperty({ description: 'Why it is typical, in your words; no names of individuals, no phone or ID numbers' })
  @IsString() @Length(1, 500) @noNumbers('comment')
  comment: string;
}

export class CreateCircularDto {
  @ApiProperty({ example: '2026年11月“指尖上的形式主义”问题办理情况通报' })
  @IsString() @Length(1, CIRCULAR_TITLE_MAX) @noNumbers('title')
  title: string;

  @ApiPropertyOptional({ description: 'A month, quarter or year, as GET /statistics takes it; without it and without from/to: last month', example: '2026-11' })
  @IsOptional() @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'period must be a month (2026-11), a quarter (2026-Q4) or a year (2026)' })
  period?: string;

  @ApiPropertyOptional({ example: '2026-01' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'from must be a month written YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'to must be a month written YYYY-MM' })
  to?: string;

  @ApiProperty({ description: 'The organization the circular is about: yours or one in your reach (its subtree is counted)' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  orgId: number;

  @ApiProperty({ description: 'The summary (总体情况)' })
  @IsString() @Length(1, CIRCULAR_TEXT_MAX) @noNumbers('summary')
  summary: string;

  @ApiProperty({ description: 'The advanced practice to promote (经验做法)' })
  @IsString() @Length(1, CIRCULAR_TEXT_MAX) @noNumbers('practices')
  practices: string;

  @ApiPropertyOptional({ type: [TypicalCaseDto], description: `At most ${CIRCULAR_TYPICAL_CASES_MAX}` })
  @IsOptional() @IsArray() @ArrayMaxSize(CIRCULAR_TYPICAL_CASES_MAX) @ValidateNested({ each: true }) @Type(() => TypicalCaseDto)
  typicalCases?: TypicalCaseDto[];
}

export class EditCircularDto {
  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, CIRCULAR_TITLE_MAX) @noNumbers('title')
  title?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, CIRCULAR_TEXT_MAX) @noNumbers('summary')
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, CIRCULAR_TEXT_MAX) @noNumbers('practices')
  practices?: string;
}

export class CircularNoteDto {
  @ApiPropertyOptional({ description: 'Kept in the audit trail' })
  @IsOptional() @IsString() @Length(1, 500) @noNumbers('note')
  note?: string;
}

export class ListCircularsQuery {
  @ApiPropertyOptional({ enum: CIRCULAR_STATUSES })
  @IsOptional() @IsIn(CIRCULAR_STATUSES)
  status?: CircularStatus;
}

export class CircularSummaryResponse {
  @ApiProperty({ format: 'uuid' }) circularId: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-11' }) from: string;
  @ApiProperty({ example: '2026-11' }) to: string;
  @ApiProperty() organizationId: number;
  @ApiProperty({ enum: CIRCULAR_STATUSES }) status: CircularStatus;
  @ApiNullableProperty(String, { description: 'SHA-256 of the published content (canonical JSON), as in the audit trail' }) contentHash: string | null;
  @ApiNullableProperty(Date) publishedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class CircularListResponse {
  @ApiProperty({ type: [CircularSummaryResponse] }) items: CircularSummaryResponse[];
}

export class CircularDetailResponse extends CircularSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The document: texts, the statistics frozen at drafting (total, by category, by month), anonymized typical cases' })
  content: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The ECharts options of the charts, as the PDF draws them: `{key, title, option}`' })
  charts: Array<Record<string, unknown>>;
  @ApiNullableProperty('integer') authorUserId: number | null;
  @ApiNullableProperty('integer') reviewerUserId: number | null;
  @ApiNullableProperty('integer') publisherUserId: number | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, ValidateNested } from 'class-validator';
import { CATEGORIES, SEVERITIES, TIME_UNITS, type Category, type DeadlineKind, type Severity, type SlaTerms, type TimeUnit } from '@app/domain';

// Shapes and types only: the ranges are policy rules, checked once by validateSlaTerms in libs/sla.

/** `implements` makes the compiler insist on every DEADLINE_KINDS key. */
export class SlaDurationsDto implements Record<DeadlineKind, number> {
  @ApiProperty({ example: 2, description: '1..60' }) @IsInt() ACCEPTANCE: number;
  @ApiProperty({ example: 1, description: '1..60' }) @IsInt() DISPATCH: number;
  @ApiProperty({ example: 5, description: '1..60' }) @IsInt() INVESTIGATION: number;
  @ApiProperty({ example: 1, description: '1..60' }) @IsInt() SIGN: number;
  @ApiProperty({ example: 15, description: '1..60' }) @IsInt() RECTIFICATION: number;
  @ApiProperty({ example: 3, description: '1..60' }) @IsInt() REVIEW: number;
  @ApiProperty({ example: 2, description: '1..60' }) @IsInt() FEEDBACK: number;
}

export class SlaTermsDto implements SlaTerms {
  @ApiProperty({ enum: TIME_UNITS, description: 'MINUTE is for demonstrations and refused in production' })
  @IsIn(TIME_UNITS)
  timeUnit: TimeUnit;

  @ApiProperty({ type: SlaDurationsDto, description: 'Length of each stage, in timeUnit' })
  @IsDefined()
  @ValidateNested()
  @Type(() => SlaDurationsDto)
  durations: SlaDurationsDto;

  @ApiProperty({ example: 7, description: 'Calendar days (minutes under MINUTE), 1..30' }) @IsInt() revisitWindow: number;
  @ApiProperty({ example: 30, description: 'Upper bound a supervisor may set for rectification: durations.RECTIFICATION..60' }) @IsInt() maxRectification: number;
  @ApiProperty({ example: 15, description: 'Upper bound of one extension, 1..15' }) @IsInt() maxExtension: number;
  @ApiProperty({ example: 2, description: 'Past the deadline until a supervision order, 1..30' }) @IsInt() supervisionGrace: number;
  @ApiProperty({ example: 5, description: 'Past the deadline until a discipline referral: more than supervisionGrace, at most 30' }) @IsInt() referralGrace: number;
  @ApiProperty({ example: 5, description: 'Discipline body must acknowledge a referral within, 1..90' }) @IsInt() referralAcknowledge: number;
  @ApiProperty({ example: 30, description: 'Discipline body must record an outcome within, 1..90' }) @IsInt() referralConclude: number;
}

export class PublishSlaPolicyDto {
  @ApiPropertyOptional({ enum: CATEGORIES, description: 'Absent: any category' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'Absent: any severity' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiProperty({ type: SlaTermsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SlaTermsDto)
  terms: SlaTermsDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CASE_SOURCES, CATEGORIES, CATEGORY_ZH, SOURCE_ZH, STAT_COUNTERS, STATISTICS_GROUP_ZH, STATISTICS_GROUPS, zhValues, type CaseSource, type Category, type StatCounter, type StatisticsGroup } from '@app/domain';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class StatisticsQuery {
  @ApiPropertyOptional({ description: 'A month `2026-11`, a quarter `2026-Q4` or a year `2026` (Beijing time). Without it and without from/to: last month.', example: '2026-11' })
  @IsOptional() @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'period must be a month (2026-11), a quarter (2026-Q4) or a year (2026)' })
  period?: string;

  @ApiPropertyOptional({ description: 'First month of a range, with `to` (whole months: the rollups are monthly)', example: '2026-01' })
  @IsOptional() @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last month of a range, inclusive', example: '2026-03' })
  @IsOptional() @Matches(MONTH, { message: 'to must be a month written YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ enum: STATISTICS_GROUPS, description: `${zhValues(STATISTICS_GROUP_ZH)}. Rows come in the dimension's order, never ranked by a rate.` })
  @IsOptional() @IsIn(STATISTICS_GROUPS)
  groupBy?: StatisticsGroup;

  @ApiPropertyOptional({ description: 'Narrows to an organization within your reach and its subtree (cases by handling office)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  orgId?: number;

  @ApiPropertyOptional({ description: 'A region and everything under it: 440000 takes all of Guangdong' })
  @IsOptional() @Matches(/^[1-9]\d{5}$/, { message: 'regionCode must be six digits' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Only cases naming this host unit' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  hostUnitId?: number;

  @ApiPropertyOptional({ enum: CATEGORIES, description: zhValues(CATEGORY_ZH) })
  @IsOptional() @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({ enum: CASE_SOURCES, description: zhValues(SOURCE_ZH) })
  @IsOptional() @IsIn(CASE_SOURCES)
  source?: CaseSource;
}

/** The cases behind a number: the same scope and period, one counter, a page at a time. */
export class StatisticsCasesQuery extends StatisticsQuery {
  @ApiProperty({ enum: STAT_COUNTERS, description: 'The counter whose cases to list: a rate names its own as `numeratorOf` and `denominatorOf`' })
  @IsIn(STAT_COUNTERS)
  counter: StatCounter;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page = 1;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize = 20;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_STAGES, CASE_STATUSES, CATEGORIES, CATEGORY_ZH, STAGE_ZH, STATUS_ZH, zhValues, type CaseStage, type CaseStatus, type Category } from '@app/domain';
import { PageQuery } from '../common/page.query';

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STAGES, description: zhValues(STAGE_ZH) })
  @IsOptional() @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ enum: CASE_STATUSES, description: zhValues(STATUS_ZH) })
  @IsOptional() @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: CATEGORIES, description: zhValues(CATEGORY_ZH) })
  @IsOptional() @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({ description: 'true: past the deadline; false: not' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: only stalled cases, waiting for a retry (README, "Stalled cases"); false: none of them' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  stalled?: boolean;

  @ApiPropertyOptional({ description: 'A region and everything under it: 440000 takes all of Guangdong' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be six digits' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['me'], description: 'Only cases whose current step waits on you' })
  @IsOptional() @IsIn(['me'])
  assignee?: 'me';

}

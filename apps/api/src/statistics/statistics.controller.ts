import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { StatisticsCasesQuery, StatisticsQuery } from './statistics.query';
import { StatisticsCasesResponse, StatisticsResponse } from './statistics.response';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/v1')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics')
  @Roles('HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')
  @ApiOperation({
    summary: 'How cases in your reach were handled: on-time rate per stage, handling time, supervision, referral, rectification, return, reopen, satisfaction and evaluation rates',
    description: 'Cases count in the month they were submitted (Beijing time), by handling office. Every rate carries its numerator and denominator; a small denominator is marked. README, "Statistics".',
  })
  @ApiOkResponse({ type: StatisticsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The organization is not in your reach' })
  get(@CurrentUser() user: StaffUser, @Query() query: StatisticsQuery): Promise<StatisticsResponse> {
    return this.statistics.statistics(user, query);
  }

  @Get('statistics/cases')
  @Roles('HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')
  @ApiOperation({ summary: 'The cases behind a number: those adding to one counter, under the same scope and period as GET /statistics' })
  @ApiOkResponse({ type: StatisticsCasesResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The organization is not in your reach' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'Too many cases in scope to list: narrow it' })
  cases(@CurrentUser() user: StaffUser, @Query() query: StatisticsCasesQuery): Promise<StatisticsCasesResponse> {
    return this.statistics.cases(user, query);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { CaseDetailResponse } from './case-detail.response';
import { CaseListResponse } from './case-list.response';
import { CasesService } from './cases.service';
import { DeadlineDashboardResponse } from './dashboard.response';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  @ApiOperation({ summary: 'Cases within your jurisdiction, soonest deadline first' })
  @ApiOkResponse({ type: CaseListResponse })
  list(@CurrentUser() user: StaffUser, @Query() query: ListCasesQuery): Promise<CaseListResponse> {
    return this.cases.list(user, query);
  }

  @Get('cases/:caseId')
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string): Promise<CaseDetailResponse> {
    return this.cases.detail(user, caseId);
  }

  @Get('dashboard/deadlines')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Open cases by stage: on time, at risk (warned), overdue, supervised, referred' })
  @ApiOkResponse({ type: DeadlineDashboardResponse })
  dashboard(@CurrentUser() user: StaffUser): Promise<DeadlineDashboardResponse> {
    return this.cases.deadlineDashboard(user);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { CASE_ID_PARAM } from '../common/api-params';
import { ErrorResponse } from '../common/error-response';
import { CaseDetailResponse } from './case-detail.response';
import { casesWorkbook } from './case-export';
import { CaseListResponse } from './case-list.response';
import { CasesService } from './cases.service';
import { DeadlineDashboardResponse } from './dashboard.response';
import { ListCasesQuery } from './list-cases.query';
import { ApiNullableProperty } from '../common/api-nullable';

export class RevealComplainantDto {
  @ApiProperty({ description: 'Why the identity is needed; kept in the audit trail' })
  @IsString() @Length(5, 500)
  reason: string;
}

export class RevealedComplainantResponse {
  @ApiNullableProperty(String) name: string | null;
  @ApiNullableProperty(String) phone: string | null;
}

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

  @Get('cases/export')
  @ApiOperation({ summary: 'The list under the same filters as an Excel file (zh-CN headers and labels, at most 5000 rows, no complainant data)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentUser() user: StaffUser, @Query() query: ListCasesQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await casesWorkbook(await this.cases.exportRows(user, query));
    res.setHeader('Content-Disposition', `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent('案件清单.xlsx')}`);
    return new StreamableFile(file, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }

  @Get('cases/:caseId')
  @ApiParam(CASE_ID_PARAM)
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string): Promise<CaseDetailResponse> {
    return this.cases.detail(user, caseId);
  }

  @Post('cases/:caseId/complainant/reveal')
  @ApiParam(CASE_ID_PARAM)
  @HttpCode(200)
  @Roles('HANDLER', 'SUPERVISOR')
  @ApiOperation({ summary: "Show the complainant's name and phone in clear; audited" })
  @ApiOkResponse({ type: RevealedComplainantResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'An anonymous complaint: there is nobody to reveal' })
  reveal(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string, @Body() body: RevealComplainantDto): Promise<RevealedComplainantResponse> {
    return this.cases.revealComplainant(user, caseId, body.reason);
  }

  @Get('dashboard/deadlines')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Open cases by stage: on time, at risk (warned), overdue, supervised, referred' })
  @ApiOkResponse({ type: DeadlineDashboardResponse })
  dashboard(@CurrentUser() user: StaffUser): Promise<DeadlineDashboardResponse> {
    return this.cases.deadlineDashboard(user);
  }
}

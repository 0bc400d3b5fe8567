import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { CaseDetailResponse } from './case-detail.response';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':caseId')
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: undefined })) caseId: string): Promise<CaseDetailResponse> {
    return this.cases.detail(user, caseId);
  }
}

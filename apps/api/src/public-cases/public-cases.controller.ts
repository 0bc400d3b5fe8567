import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRateLimit } from '../abuse/throttle.decorators';
import { Public } from '../auth/auth.decorators';
import { ErrorResponse } from '../common/error-response';
import { AccessCodeDto, EvaluationDto, PublicCaseResponse, PublicEvaluationResponse } from './public-cases.dtos';
import { PublicCasesService } from './public-cases.service';

@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('api/v1/public/cases')
export class PublicCasesController {
  constructor(private readonly cases: PublicCasesService) {}

  @Post(':caseNo/progress')
  @HttpCode(200)
  @ApiOperation({ summary: "The case's progress for the complainant: a POST, so the access code stays out of the address" })
  @ApiOkResponse({ type: PublicCaseResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Unknown case number or wrong access code (indistinguishable)' })
  progress(@Param('caseNo') caseNo: string, @Body() body: AccessCodeDto): Promise<PublicCaseResponse> {
    return this.cases.progress(caseNo, body.accessCode);
  }

  @Post(':caseNo/evaluation')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicEvaluationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The case is not awaiting an evaluation' })
  evaluate(@Param('caseNo') caseNo: string, @Body() body: EvaluationDto): Promise<PublicEvaluationResponse> {
    return this.cases.evaluate(caseNo, body);
  }
}

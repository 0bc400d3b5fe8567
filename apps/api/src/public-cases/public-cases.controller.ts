import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PublicRateLimit } from '../abuse/throttle.decorators';
import { Public } from '../auth/auth.decorators';
import { ErrorResponse } from '../common/error-response';
import { AccessCodeQuery, EvaluationDto, PublicCaseResponse, PublicEvaluationResponse } from './public-cases.dtos';
import { PublicCasesService } from './public-cases.service';

@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('api/v1/public/cases')
export class PublicCasesController {
  constructor(private readonly cases: PublicCasesService) {}

  @Get(':caseNo')
  @ApiOkResponse({ type: PublicCaseResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Unknown case number or wrong access code (indistinguishable)' })
  progress(@Param('caseNo') caseNo: string, @Query() query: AccessCodeQuery): Promise<PublicCaseResponse> {
    return this.cases.progress(caseNo, query.accessCode);
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

import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ACTION_RULES } from '@app/domain';
import { CurrentUser } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { CASE_ID_PARAM } from '../common/api-params';
import { ErrorResponse } from '../common/error-response';
import { validateBody } from '../common/validation';
import { CaseStateResponse } from '../workflow-gateway/case-state.response';
import { STAFF_ACTION_BODIES, STAFF_ACTIONS, type StaffAction } from './case-action.dtos';
import { CaseActionsService } from './case-actions.service';
import { CaseSummaryResponse } from './case-summary.response';

const ACTION_DOC = STAFF_ACTIONS.map((a) => `- \`${a}\` (${ACTION_RULES[a].actors.join(', ')}; in ${ACTION_RULES[a].steps.join(', ')}): ${ACTION_RULES[a].summary}`).join('\n');

@ApiTags('cases')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(STAFF_ACTION_BODIES))
@Controller('api/v1/cases')
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @Post(':caseId/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an action on a case', description: `Allowed actions, by role and step:\n${ACTION_DOC}` })
  @ApiParam(CASE_ID_PARAM)
  @ApiParam({ name: 'action', enum: STAFF_ACTIONS })
  @ApiBody({ schema: { oneOf: Object.values(STAFF_ACTION_BODIES).map((dto) => ({ $ref: getSchemaPath(dto) })) } })
  @ApiOkResponse({ type: CaseStateResponse, description: 'The case after the action' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The action is not one your role takes' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case within your reach, or no such action' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not allowed in the current state; the message says why' })
  async act(
    @CurrentUser() user: StaffUser,
    @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<CaseStateResponse> {
    if (!(STAFF_ACTIONS as string[]).includes(action)) throw new NotFoundException(`Unknown action "${action}"`);
    const staffAction = action as StaffAction;
    if (!ACTION_RULES[staffAction].actors.includes(user.role)) {
      throw new ForbiddenException(`${action} needs the role ${ACTION_RULES[staffAction].actors.join(' or ')}`);
    }
    const dto = await validateBody(STAFF_ACTION_BODIES[staffAction] as new () => object, body);
    return this.actions.act(user, caseId, staffAction, dto);
  }

  @Get(':caseId/merge-candidates')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({ summary: 'Open cases about the same subject and category, to merge a submitted complaint into' })
  @ApiOkResponse({ type: [CaseSummaryResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async mergeCandidates(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string): Promise<CaseSummaryResponse[]> {
    return (await this.actions.mergeCandidates(user, caseId)).map(CaseSummaryResponse.of);
  }
}

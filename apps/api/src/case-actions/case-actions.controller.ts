import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ACTION_RULES, isStaffAction, STAFF_ACTIONS, STALL_RETRY_ROLES, type ActionBodies, type StaffAction } from '@app/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { CASE_ID_PARAM } from '../common/api-params';
import { ErrorResponse } from '../common/error-response';
import { validateBody } from '../common/validation';
import { CaseStateResponse } from '../workflow-gateway/case-state.response';
import { STAFF_ACTION_BODIES } from './case-action.dtos';
import { CaseActionsResponse } from './case-actions.response';
import { CaseActionsService } from './case-actions.service';
import { CaseSummaryResponse } from './case-summary.response';
import { RetryStalledDto } from './retry-stalled.dto';

export class PickChoiceResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(STAFF_ACTION_BODIES))
@Controller('api/v1/cases')
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  // Before ':caseId/:action', so that route does not take `retry` for an action name.
  @Post(':caseId/retry')
  @HttpCode(200)
  @Roles(...STALL_RETRY_ROLES)
  @ApiOperation({
    summary: 'Retry a stalled case once the cause is fixed',
    description: 'Carries out again the effect the case stopped on; the answer shows the case running again, or stalled anew with the new reason.',
  })
  @ApiOkResponse({ type: CaseStateResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case within your reach' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The case is not stalled' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'The retry was not confirmed in time; read the case' })
  retry(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string, @Body() body: RetryStalledDto): Promise<CaseStateResponse> {
    return this.actions.retryStalled(user, caseId, body.note);
  }

  @Post(':caseId/:action')
  @HttpCode(200)
  // Documented once per action, each with its own body and roles (action-routes.document.ts).
  @ApiOperation({ summary: 'Take an action on a case' })
  @ApiParam(CASE_ID_PARAM)
  @ApiParam({ name: 'action', enum: STAFF_ACTIONS })
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
    if (!isStaffAction(action)) throw new NotFoundException(`Unknown action "${action}"`);
    if (!ACTION_RULES[action].actors.includes(user.role)) {
      throw new ForbiddenException(`${action} needs the role ${ACTION_RULES[action].actors.join(' or ')}`);
    }
    return this.actWith(user, caseId, action, body);
  }

  @Get(':caseId/actions')
  @ApiOperation({ summary: 'The actions you may take on this case now, with the fields each needs' })
  @ApiOkResponse({ type: CaseActionsResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'The case service did not answer' })
  available(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string): Promise<CaseActionsResponse> {
    return this.actions.available(user, caseId);
  }

  @Get(':caseId/merge-candidates')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({ summary: 'Open cases about the same subject and category, to merge a submitted complaint into' })
  @ApiOkResponse({ type: [CaseSummaryResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async mergeCandidates(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string): Promise<CaseSummaryResponse[]> {
    return (await this.actions.mergeCandidates(user, caseId)).map(CaseSummaryResponse.of);
  }

  @Get(':caseId/choices/:pick')
  @ApiOperation({ summary: 'What an action field with `pick` may name on this case: offices within your reach, host units of the case\'s province' })
  @ApiParam({ name: 'pick', enum: ['CYBERSPACE_OFFICE', 'HOST_UNIT'] })
  @ApiOkResponse({ type: [PickChoiceResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  choices(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string, @Param('pick') pick: string): Promise<PickChoiceResponse[]> {
    if (pick !== 'CYBERSPACE_OFFICE' && pick !== 'HOST_UNIT') throw new NotFoundException(`Unknown choice list "${pick}"`);
    return this.actions.choices(user, caseId, pick);
  }

  /** Validates the body with the action's own class, keeping the action and its body's type together. */
  private async actWith<A extends StaffAction>(user: StaffUser, caseId: string, action: A, body: unknown): Promise<CaseStateResponse> {
    const bodyType: new () => ActionBodies[A] = STAFF_ACTION_BODIES[action];
    return this.actions.act(user, caseId, action, await validateBody(bodyType, body));
  }
}

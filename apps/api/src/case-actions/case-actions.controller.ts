import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ACTION_RULES, deadlinesStartedBy, isStaffAction, STAFF_ACTIONS, type ActionBodies, type StaffAction } from '@app/domain';
import { CurrentUser } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { validateBody } from '../common/validation';
import { CaseStateResponse } from '../workflow-gateway/case-state.response';
import { STAFF_ACTION_BODIES } from './case-action.dtos';
import { CaseActionsResponse } from './case-actions.response';
import { CaseActionsService } from './case-actions.service';
import { CaseSummaryResponse } from './case-summary.response';

export class PickChoiceResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
}

/** The lifecycle table, as the API document shows it. */
const ACTION_DOC = STAFF_ACTIONS.map((a) => {
  const rule = ACTION_RULES[a];
  const deadlines = deadlinesStartedBy(a);
  const leads = `→ ${rule.leadsTo.join(' | ')}${rule.branch ? ` (${rule.branch})` : ''}`;
  return `- \`${a}\` (${rule.actors.join(', ')}; in ${rule.steps.join(', ')}) ${leads}${deadlines.length ? `; starts ${deadlines.join(' or ')}` : ''}: ${rule.summary}`;
}).join('\n');

@ApiTags('cases')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(STAFF_ACTION_BODIES))
@Controller('api/v1/cases')
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @Post(':caseId/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an action on a case', description: `Allowed actions, by role and step:\n${ACTION_DOC}` })
  @ApiParam({ name: 'action', enum: STAFF_ACTIONS })
  @ApiBody({ schema: { oneOf: Object.values(STAFF_ACTION_BODIES).map((dto) => ({ $ref: getSchemaPath(dto) })) } })
  @ApiOkResponse({ type: CaseStateResponse, description: 'The case after the action' })
  @ApiBadRequestResponse({ type: ErrorResponse })
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

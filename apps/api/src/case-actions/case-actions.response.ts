import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_RULES, CASE_STEPS, DEADLINE_CHANGES, STAFF_ACTIONS, type ActionField, type StaffAction } from '@app/domain';

export class ActionFieldResponse {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['string', 'integer', 'boolean', 'uuid', 'string[]'] }) type: ActionField['type'];
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: [String], description: 'The allowed values, when the field is a choice' }) enum?: readonly string[];
  @ApiPropertyOptional() minimum?: number;
  @ApiPropertyOptional() maximum?: number;
  @ApiPropertyOptional({ description: 'Length of a string, or of each string of a list' }) maxLength?: number;
  @ApiPropertyOptional({ enum: ['CYBERSPACE_OFFICE', 'HOST_UNIT', 'MERGE_CANDIDATE'], description: 'Where the value is picked from' }) pick?: ActionField['pick'];
}

export class AvailableActionResponse {
  @ApiProperty({ enum: STAFF_ACTIONS, description: 'POST /api/v1/cases/{caseId}/{action}' }) action: StaffAction;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String], enum: [...CASE_STEPS, 'SAME_STEP'], description: 'The step it leads to; several when it branches' }) leadsTo: readonly string[];
  @ApiPropertyOptional({ description: 'What picks the step, when it branches' }) branch?: string;
  @ApiProperty({ enum: DEADLINE_CHANGES }) deadline: string;
  @ApiProperty({ type: [ActionFieldResponse] }) fields: readonly ActionFieldResponse[];

  static of(action: StaffAction): AvailableActionResponse {
    const { summary, leadsTo, branch, deadline, fields } = ACTION_RULES[action];
    return { action, summary, leadsTo, ...(branch ? { branch } : {}), deadline, fields };
  }
}

export class CaseActionsResponse {
  @ApiProperty() caseId: string;
  @ApiProperty({ enum: CASE_STEPS }) step: string;
  @ApiProperty({ type: [AvailableActionResponse], description: 'What the signed-in user may do now; empty once the case is closed' }) actions: AvailableActionResponse[];
}

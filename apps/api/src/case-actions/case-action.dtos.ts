import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  FINDING_RESULTS,
  REJECT_REASONS,
  SEVERITIES,
  SUPERVISOR_REVIEW_DECISIONS,
  type ActionBodies,
  type FindingResult,
  type RejectReason,
  type Severity,
  type StaffAction,
  type SupervisorReviewDecision,
} from '@app/domain';

class NoteDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @Length(1, 2000)
  note?: string;
}

export class AcceptDto extends NoteDto {}
export class SignDto extends NoteDto {}
export class ApproveRectificationDto extends NoteDto {}

export class RejectDto {
  @ApiProperty({ enum: REJECT_REASONS })
  @IsIn(REJECT_REASONS)
  reason: RejectReason;

  @ApiProperty({ description: 'Explanation given to the complainant' })
  @IsString() @Length(1, 2000)
  note: string;
}

export class MergeDto {
  @ApiProperty({ description: 'An open case about the same subject and category (see merge-candidates)' })
  @IsUUID('all')
  targetCaseId: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 2000)
  note?: string;
}

export class DispatchDto {
  @ApiProperty({ description: 'The cyberspace office that investigates' })
  @IsInt() @Min(1)
  investigatingOrgId: number;

  @ApiProperty({ description: 'The responsible host unit; it never investigates a complaint against itself' })
  @IsInt() @Min(1)
  hostUnitId: number;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 2000)
  note?: string;
}

export class FindingDto {
  @ApiProperty({ enum: FINDING_RESULTS })
  @IsIn(FINDING_RESULTS)
  result: FindingResult;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: Severity;

  @ApiProperty()
  @IsString() @Length(1, 5000)
  summary: string;
}

export class SubmitRectificationDto {
  @ApiProperty()
  @IsString() @Length(1, 5000)
  plan: string;

  @ApiProperty({ type: [String], description: 'Evidence items: document references, links, descriptions' })
  @IsString({ each: true }) @Length(1, 500, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(50)
  evidence: string[];
}

export class ReturnRectificationDto {
  @ApiProperty()
  @IsString() @Length(1, 2000)
  reason: string;
}

export class ReplyDto {
  @ApiProperty({ description: 'The result, as the complainant will read it' })
  @IsString() @Length(1, 5000)
  content: string;
}

export class RequestExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 15, description: 'Working days (at most the policy maximum)' })
  @IsInt() @Min(1) @Max(15)
  days: number;

  @ApiProperty()
  @IsString() @Length(1, 2000)
  reason: string;
}

export class DecideExtensionDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 2000)
  note?: string;
}

export class SuperviseDto {
  @ApiProperty({ description: 'The supervision order, or the reason for the review decision' })
  @IsString() @Length(1, 2000)
  note: string;

  @ApiPropertyOptional({ enum: SUPERVISOR_REVIEW_DECISIONS, description: 'Only in a supervisor review' })
  @IsOptional() @IsIn(SUPERVISOR_REVIEW_DECISIONS)
  decision?: SupervisorReviewDecision;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Rectification time in working days (up to the policy maximum)' })
  @IsOptional() @IsInt() @Min(1) @Max(60)
  rectificationDays?: number;
}

/** The body each staff action takes, checked against the lifecycle table's fields by case-action.dtos.spec.ts. */
export const STAFF_ACTION_BODIES: { [A in StaffAction]: new () => ActionBodies[A] } = {
  accept: AcceptDto,
  reject: RejectDto,
  merge: MergeDto,
  dispatch: DispatchDto,
  sign: SignDto,
  finding: FindingDto,
  'submit-rectification': SubmitRectificationDto,
  'approve-rectification': ApproveRectificationDto,
  'return-rectification': ReturnRectificationDto,
  reply: ReplyDto,
  'request-extension': RequestExtensionDto,
  'decide-extension': DecideExtensionDto,
  supervise: SuperviseDto,
};

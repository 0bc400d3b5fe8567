import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseSummaryResponse } from '../case-actions/case-summary.response';

export class TimelineEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty() type: string;
  @ApiProperty() stage: string;
  @ApiPropertyOptional({ nullable: true }) actorRole: string | null;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiProperty() occurredAt: Date;
}

export class MaskedComplainantResponse {
  @ApiProperty({ example: '张*' }) name: string | null;
  @ApiProperty({ example: '138****5678' }) phone: string | null;
}

/** A case with everything a list line has, and its description, people, outcome and timeline. */
export class CaseDetailResponse extends CaseSummaryResponse {
  @ApiProperty() description: string;
  @ApiPropertyOptional({ description: 'Left out for HOST_UNIT_OPERATOR, as are the complainant and their notes' }) anonymous?: boolean;
  @ApiPropertyOptional({ type: MaskedComplainantResponse, nullable: true }) complainant: MaskedComplainantResponse | null;
  @ApiPropertyOptional({ nullable: true }) outcome: string | null;
  @ApiPropertyOptional({ nullable: true }) findingResult: string | null;
  @ApiProperty() handlingOrgId: number;
  @ApiPropertyOptional({ nullable: true }) investigatingOrgId: number | null;
  @ApiPropertyOptional({ nullable: true }) hostUnitId: number | null;
  @ApiProperty() reopenCount: number;
  @ApiPropertyOptional({ nullable: true }) reply: string | null;
  @ApiPropertyOptional({ nullable: true }) satisfaction: string | null;
  @ApiPropertyOptional({ nullable: true }) mergedInto: string | null;
  @ApiPropertyOptional({ nullable: true }) policyVersion: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'In REVISIT: when the evaluation window ends; unanswered by then, the case closes as not evaluated' })
  revisitEndsAt: Date | null;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [TimelineEventResponse] }) timeline: TimelineEventResponse[];
}

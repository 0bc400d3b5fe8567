import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SATISFACTIONS, type Satisfaction } from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';

const ACCESS_CODE = /^[0-9A-Za-z]{10}$/;

/** The access code travels in a request body, never in an address, where proxies and logs would keep it. */
export class AccessCodeDto {
  @ApiProperty({ description: 'The code given when the complaint was filed' })
  @IsString() @Matches(ACCESS_CODE, { message: 'accessCode must be the 10-character code given at submission' })
  accessCode: string;
}

export class EvaluationDto extends AccessCodeDto {
  @ApiProperty({ enum: SATISFACTIONS })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 2000)
  comment?: string;
}

export class PublicTimelineEntry {
  @ApiProperty() type: string;
  @ApiNullableProperty(String) note: string | null;
  @ApiProperty() occurredAt: Date;
}

/** What a complainant may see: progress and the reply, no internal notes or officials. */
export class PublicCaseResponse {
  @ApiProperty() caseNo: string;
  @ApiProperty() stage: string;
  @ApiProperty() status: string;
  @ApiNullableProperty(String) outcome: string | null;
  @ApiNullableProperty(String) reply: string | null;
  @ApiProperty({ description: 'True while the revisit evaluation is open' }) awaitingEvaluation: boolean;
  @ApiNullableProperty(Date, { description: 'While the evaluation is open: when its window ends' }) evaluationEndsAt: Date | null;
  @ApiProperty({ type: [PublicTimelineEntry] }) timeline: PublicTimelineEntry[];
}

/**
 * The answer to an evaluation: what the complainant may see of the case afterwards. Nothing about
 * referrals, supervision or escalation instants, which are the offices' business.
 */
export class PublicEvaluationResponse {
  @ApiProperty() caseNo: string;
  @ApiProperty() stage: string;
  @ApiProperty() status: string;
  @ApiNullableProperty(String) outcome: string | null;
  @ApiProperty({ description: 'True while the revisit evaluation is open (false once it is recorded)' }) awaitingEvaluation: boolean;
}

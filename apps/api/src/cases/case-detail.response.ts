import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

export class CaseDetailResponse {
  @ApiProperty() id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() source: string;
  @ApiProperty() category: string;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() description: string;
  @ApiProperty() anonymous: boolean;
  @ApiPropertyOptional({ type: MaskedComplainantResponse, nullable: true }) complainant: MaskedComplainantResponse | null;
  @ApiProperty() stage: string;
  @ApiProperty() step: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ nullable: true }) outcome: string | null;
  @ApiPropertyOptional({ nullable: true }) severity: string | null;
  @ApiPropertyOptional({ nullable: true }) findingResult: string | null;
  @ApiProperty() handlingOrgId: number;
  @ApiPropertyOptional({ nullable: true }) investigatingOrgId: number | null;
  @ApiPropertyOptional({ nullable: true }) hostUnitId: number | null;
  @ApiPropertyOptional({ nullable: true }) deadlineKind: string | null;
  @ApiPropertyOptional({ nullable: true }) deadlineAt: Date | null;
  @ApiProperty() warned: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty() supervised: boolean;
  @ApiProperty() referred: boolean;
  @ApiProperty() reopenCount: number;
  @ApiPropertyOptional({ nullable: true }) reply: string | null;
  @ApiPropertyOptional({ nullable: true }) satisfaction: string | null;
  @ApiPropertyOptional({ nullable: true }) mergedInto: string | null;
  @ApiPropertyOptional({ nullable: true }) policyVersion: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [TimelineEventResponse] }) timeline: TimelineEventResponse[];
}

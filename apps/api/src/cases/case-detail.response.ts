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
  @ApiProperty() status: string;
  @ApiPropertyOptional({ nullable: true }) severity: string | null;
  @ApiProperty() handlingOrgId: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [TimelineEventResponse] }) timeline: TimelineEventResponse[];
}

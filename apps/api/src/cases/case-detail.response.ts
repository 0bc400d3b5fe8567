import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRY_KINDS, type RegistryKind } from '@app/domain';
import { CaseSummaryResponse } from '../case-actions/case-summary.response';
import { ApiNullableProperty } from '../common/api-nullable';

export class TimelineEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty() type: string;
  @ApiProperty() stage: string;
  @ApiNullableProperty(String) actorRole: string | null;
  @ApiNullableProperty(String) note: string | null;
  @ApiProperty() occurredAt: Date;
}

export class MaskedComplainantResponse {
  @ApiNullableProperty(String, { example: '张*' }) name: string | null;
  @ApiNullableProperty(String, { example: '138****5678' }) phone: string | null;
}

/** The registry entry a case was linked to at intake. */
export class CaseRegistryEntryResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRY_KINDS }) kind: RegistryKind;
}

/** A case with everything a list line has, and its description, people, outcome and timeline. */
export class CaseDetailResponse extends CaseSummaryResponse {
  @ApiProperty() description: string;
  @ApiPropertyOptional({ description: 'Left out for HOST_UNIT_OPERATOR, as are the complainant and their notes' }) anonymous?: boolean;
  @ApiNullableProperty(MaskedComplainantResponse, { description: 'null when anonymous, and always for a host-unit operator' }) complainant: MaskedComplainantResponse | null;
  @ApiNullableProperty(String) outcome: string | null;
  @ApiNullableProperty(String) findingResult: string | null;
  @ApiProperty() handlingOrgId: number;
  @ApiNullableProperty(Number) investigatingOrgId: number | null;
  @ApiNullableProperty(Number) hostUnitId: number | null;
  @ApiNullableProperty(CaseRegistryEntryResponse, { description: 'The registry entry the complaint or finding named at intake (GET /api/v1/registry/{id})' })
  registryEntry: CaseRegistryEntryResponse | null;
  @ApiProperty() reopenCount: number;
  @ApiNullableProperty(String) reply: string | null;
  @ApiNullableProperty(String) satisfaction: string | null;
  @ApiNullableProperty(String) mergedInto: string | null;
  @ApiNullableProperty(Number) policyVersion: number | null;
  @ApiNullableProperty(Date, { description: 'In REVISIT: when the evaluation window ends; unanswered by then, the case closes as not evaluated' })
  revisitEndsAt: Date | null;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [TimelineEventResponse] }) timeline: TimelineEventResponse[];
}

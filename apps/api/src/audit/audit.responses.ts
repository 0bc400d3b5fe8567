import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHAIN_BREAK_REASONS, type ChainBreakReason } from '@app/audit';
import { ApiNullableProperty } from '../common/api-nullable';

/** One record exactly as stored and hashed, so a reader can re-check the chain on its own. */
export class AuditRecordResponse {
  @ApiProperty({ description: 'Position in the chain: 1, 2, 3… without gaps' }) seq: number;
  @ApiProperty() occurredAt: Date;
  @ApiNullableProperty(Number) actorUserId: number | null;
  @ApiNullableProperty(String) actorRole: string | null;
  @ApiNullableProperty(Number) actorOrgId: number | null;
  @ApiProperty({ example: 'case.accept' }) action: string;
  @ApiNullableProperty(String, { description: 'null for actions outside any case' }) caseId: string | null;
  @ApiNullableProperty(String, { example: 'sla_policy:3' }) subject: string | null;
  @ApiNullableProperty(String, { description: 'JSON text' }) beforeState: string | null;
  @ApiNullableProperty(String, { description: 'JSON text' }) afterState: string | null;
  @ApiNullableProperty(String) dedupeKey: string | null;
  @ApiProperty({ description: 'hash of the record before (64 zeros for #1)' }) prevHash: string;
  @ApiProperty({ description: 'sha256 hex of prevHash followed by the canonical record' }) hash: string;
}

export class AuditListResponse {
  @ApiProperty({ type: [AuditRecordResponse] }) items: AuditRecordResponse[];
  @ApiNullableProperty(Number, { description: 'fromSeq of the next page; null on the last one' }) nextFromSeq: number | null;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'true: every record is intact and chained' }) ok: boolean;
  @ApiProperty({ description: 'Records verified intact (before the break, when broken)' }) checked: number;
  @ApiPropertyOptional({ description: 'The first broken record' }) brokenAtSeq?: number;
  @ApiPropertyOptional({ enum: CHAIN_BREAK_REASONS }) reason?: ChainBreakReason;
  @ApiPropertyOptional({ example: 'expected #41, found #42' }) detail?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHAIN_BREAK_REASONS, CHAIN_SEGMENTS, type ChainBreakReason, type ChainSegment } from '@app/audit';
import { ApiNullableProperty } from '../common/api-nullable';

/** One record exactly as stored and hashed, so a reader can re-check the chain on its own. */
export class AuditRecordResponse {
  @ApiProperty({ description: 'Listing order: rises along each chain and, across chains, with the time of appending; not gapless' }) seq: number;
  @ApiNullableProperty('integer', { description: 'The chain the record is in (chosen by its case, else its subject, else its action); null for records from before the chains were split (the legacy segment)' }) chain: number | null;
  @ApiNullableProperty('integer', { description: 'Position in its chain: 1, 2, 3… without gaps; null in the legacy segment, where seq is the position' }) chainSeq: number | null;
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
  @ApiProperty({ description: "hash of the record before in the same chain (a chain's #1: its genesis hash; the legacy segment's #1: 64 zeros)" }) prevHash: string;
  @ApiProperty({ description: 'sha256 hex of prevHash followed by the canonical record' }) hash: string;
}

export class AuditListResponse {
  @ApiProperty({ type: [AuditRecordResponse] }) items: AuditRecordResponse[];
  @ApiNullableProperty(Number, { description: 'fromSeq of the next page; null on the last one' }) nextFromSeq: number | null;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'true: every anchor, the legacy segment and every chain are intact, and each chain reaches what the newest anchor sealed' }) ok: boolean;
  @ApiProperty({ description: 'Records verified intact (before the break, when broken)' }) checked: number;
  @ApiProperty({ description: 'Anchors verified intact' }) anchors: number;
  @ApiPropertyOptional({ enum: CHAIN_SEGMENTS, description: 'Where the first break is' }) segment?: ChainSegment;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "The broken chain's number when segment is chain, else null" }) chain?: number | null;
  @ApiPropertyOptional({ description: "The broken record's position: chainSeq in a chain, seq in the legacy segment, the anchor's seq" }) position?: number;
  @ApiPropertyOptional({ enum: CHAIN_BREAK_REASONS }) reason?: ChainBreakReason;
  @ApiPropertyOptional({ example: 'expected #41, found #42' }) detail?: string;
}

import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { ChainedRecord } from './audit-chain';

/** The driver hands BIGINT back as a string; seq stays far below 2^53. */
const bigintNumber: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
};

/**
 * One entry of the append-only audit trail, in one of AUDIT_CHAIN_COUNT chains (chain, chain_seq 1, 2,
 * 3… without gaps, so a deleted record shows) and hash-linked to the record before it in that chain.
 * Records from before the split keep chain and chain_seq null: the legacy segment, linked by seq.
 * seq orders the listing: it rises along each chain and follows the database clock across chains.
 * Rows are never updated or deleted.
 */
@Entity({ name: 'audit_records' })
@Index('uq_audit_records_dedupe_key', ['dedupeKey'], { unique: true })
@Index('uq_audit_records_chain_seq', ['chain', 'chainSeq'], { unique: true })
@Index('idx_audit_records_case_seq', ['caseId', 'seq'])
@Index('idx_audit_records_action_seq', ['action', 'seq'])
export class AuditRecordEntity implements ChainedRecord {
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber })
  seq: number;

  @Column({ type: 'smallint', nullable: true })
  chain: number | null;

  @Column({ name: 'chain_seq', type: 'bigint', nullable: true, transformer: bigintNumber })
  chainSeq: number | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ name: 'actor_org_id', type: 'int', nullable: true })
  actorOrgId: number | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  /** Null for actions outside any case (administration). */
  @Column({ name: 'case_id', type: 'char', length: 36, nullable: true })
  caseId: string | null;

  /** What was acted on besides the case, e.g. 'sla_policy:3', 'user:12', 'referral:<id>'. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  subject: string | null;

  /** JSON text, stored exactly as hashed. */
  @Column({ name: 'before_state', type: 'longtext', nullable: true })
  beforeState: string | null;

  @Column({ name: 'after_state', type: 'longtext', nullable: true })
  afterState: string | null;

  /** Compared byte for byte (utf8mb4_bin): appending the same key again is a no-op. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 160, nullable: true, collation: 'utf8mb4_bin' })
  dedupeKey: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EvidenceOwner } from '@app/domain';

export const EVIDENCE_STATES = ['PENDING', 'ATTACHED'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/**
 * One evidence file of a case: its metadata here, its bytes in the object storage under `sha256`. A row is
 * PENDING from the upload until the case workflow's EVIDENCE_ATTACHED event marks it ATTACHED (in the
 * projection's transaction); only attached files are ever listed or served, and pending ones left behind by
 * a refused or lost action are deleted.
 */
@Entity({ name: 'evidence_files' })
@Index('idx_evidence_case', ['caseId', 'state'])
@Index('idx_evidence_sha256', ['sha256'])
@Index('idx_evidence_pending', ['state', 'createdAt'])
export class EvidenceFileEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'char', length: 36 })
  caseId: string;

  /** SHA-256 (hex) of the stored bytes, as stored: after re-encoding. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'size_bytes', type: 'int', unsigned: true })
  sizeBytes: number;

  /** Sniffed from the content, never taken from the name or the request. */
  @Column({ name: 'mime_type', length: 100 })
  mimeType: string;

  /** The name as sent, without path or control characters, its extension following the sniffed type. */
  @Column({ name: 'original_name', length: 150 })
  originalName: string;

  @Column({ type: 'varchar', length: 16 })
  owner: EvidenceOwner;

  /** A handler's redacted copy, forwarded so that the host unit sees it. */
  @Column({ default: false })
  forwarded: boolean;

  @Column({ name: 'uploaded_by_user_id', type: 'int', nullable: true })
  uploadedByUserId: number | null;

  @Column({ name: 'uploaded_by_org_id', type: 'int', nullable: true })
  uploadedByOrgId: number | null;

  @Column({ type: 'varchar', length: 10 })
  state: EvidenceState;

  /** The timeline event (case_events.seq) that attached the file. */
  @Column({ name: 'event_seq', type: 'int', nullable: true })
  eventSeq: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'attached_at', type: 'datetime', precision: 3, nullable: true })
  attachedAt: Date | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStage } from '@app/domain';

/** One entry of a case's timeline; (caseId, seq) is unique so a retried write is a no-op. */
@Entity({ name: 'case_events' })
@Index('uq_case_events_case_seq', ['caseId', 'seq'], { unique: true })
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'case_id', type: 'char', length: 36 })
  caseId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ length: 48 })
  type: string;

  @Column({ type: 'varchar', length: 16 })
  stage: CaseStage;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Shown to the complainant on the public progress page. */
  @Column({ name: 'is_public', default: false })
  isPublic: boolean;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;
}

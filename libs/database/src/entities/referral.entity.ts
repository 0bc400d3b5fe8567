import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AccountabilityOutcome, ReferralReason, ReferralStatus } from '@app/domain';

/** The projection of one discipline referral, written by its child workflow. */
@Entity({ name: 'referrals' })
export class ReferralEntity {
  @PrimaryColumn({ length: 64 })
  id: string;

  @Column({ name: 'case_id', type: 'char', length: 36 })
  caseId: string;

  @Column({ name: 'case_no', length: 32 })
  caseNo: string;

  @Column({ type: 'varchar', length: 32 })
  reason: ReferralReason;

  @Column({ type: 'varchar', length: 24 })
  status: ReferralStatus;

  @Column({ name: 'discipline_org_id' })
  disciplineOrgId: number;

  /** How many times a missed deadline moved it one level up. */
  @Column({ type: 'int', default: 0 })
  escalations: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome: AccountabilityOutcome | null;

  @Column({ type: 'text', nullable: true })
  conclusion: string | null;

  /** The referral package: case file, timeline, finding, evidence list (JSON). */
  @Column({ type: 'longtext', nullable: true })
  package: string | null;

  /** The referral package as a PDF in the object storage: its SHA-256, size and when it was built. */
  @Column({ name: 'package_sha256', type: 'char', length: 64, nullable: true })
  packageSha256: string | null;

  @Column({ name: 'package_size', type: 'int', unsigned: true, nullable: true })
  packageSize: number | null;

  @Column({ name: 'package_built_at', type: 'datetime', precision: 3, nullable: true })
  packageBuiltAt: Date | null;

  @Column({ name: 'ack_deadline_at', type: 'datetime', precision: 3, nullable: true })
  ackDeadlineAt: Date | null;

  @Column({ name: 'conclude_deadline_at', type: 'datetime', precision: 3, nullable: true })
  concludeDeadlineAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'acknowledged_at', type: 'datetime', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'concluded_at', type: 'datetime', precision: 3, nullable: true })
  concludedAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'int', default: 0 })
  revision: number;
}

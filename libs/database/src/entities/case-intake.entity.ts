import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the API accepted for each case: its number, when, and the keyed fingerprint of the request.
 * Written by the API before the case workflow starts; an Idempotency-Key derives the case id, so this row is
 * the key-to-case mapping, and it outlives the workflow history in Temporal.
 */
@Entity({ name: 'case_intakes' })
export class CaseIntakeEntity {
  @PrimaryColumn({ name: 'case_id', type: 'char', length: 36 })
  caseId: string;

  @Column({ name: 'case_no', length: 32, unique: true })
  caseNo: string;

  /** HMAC (INTAKE_SECRET) of the request body; null without an Idempotency-Key and for cases from before this table. */
  @Column({ type: 'char', length: 64, nullable: true })
  fingerprint: string | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;
}

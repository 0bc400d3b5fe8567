import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message in a user's in-app inbox; (userId, dedupeKey) is unique so a retried fan-out adds nothing. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id' })
  userId: number;

  @Column({ name: 'case_id', type: 'char', length: 36, nullable: true })
  caseId: string | null;

  @Column({ name: 'referral_id', type: 'varchar', length: 64, nullable: true })
  referralId: string | null;

  @Column({ name: 'dedupe_key', length: 120 })
  dedupeKey: string;

  @Column({ length: 48 })
  notice: string;

  @Column({ length: 500 })
  message: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}

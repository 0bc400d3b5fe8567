import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Consecutive failed logins for one submitted username, whether or not such a user exists. */
@Entity({ name: 'login_attempts' })
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'datetime', precision: 3 })
  lastFailureAt: Date;
}

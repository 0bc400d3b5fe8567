import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rate-limit windows shared by every API replica; expired rows and old login counts are swept. */
export class SharedRateLimits1763800000011 implements MigrationInterface {
  name = 'SharedRateLimits1763800000011';

  public async up(q: QueryRunner): Promise<void> {
    // bucket: sha256 of throttler and client, so any client key fits.
    await q.query(`
      CREATE TABLE rate_limit_windows (
        bucket CHAR(64) NOT NULL,
        window_ends_at DATETIME(3) NOT NULL,
        hits INT NOT NULL,
        PRIMARY KEY (bucket),
        KEY idx_rate_limit_windows_ends (window_ends_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('CREATE INDEX idx_login_attempts_last_failure ON login_attempts (last_failure_at)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idx_login_attempts_last_failure ON login_attempts');
    await q.query('DROP TABLE rate_limit_windows');
  }
}

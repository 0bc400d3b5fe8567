import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed-login counts and locks per submitted username, shared by every API replica. */
export class LoginAttempts1763800000004 implements MigrationInterface {
  name = 'LoginAttempts1763800000004';

  public async up(q: QueryRunner): Promise<void> {
    // Keyed by the submitted name, not users.id: unknown names are counted and locked the same way.
    await q.query(`
      CREATE TABLE login_attempts (
        username VARCHAR(64) NOT NULL,
        failures INT NOT NULL,
        locked_until DATETIME(3) NULL,
        last_failure_at DATETIME(3) NOT NULL,
        PRIMARY KEY (username)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_attempts');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox of calendar broadcasts: written with the overrides, started (and retried) until Temporal answers. */
export class CalendarBroadcasts1763800000012 implements MigrationInterface {
  name = 'CalendarBroadcasts1763800000012';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_broadcasts (
        id CHAR(36) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        started_at DATETIME(3) NULL,
        attempts INT NOT NULL DEFAULT 0,
        last_error VARCHAR(255) NULL,
        PRIMARY KEY (id),
        KEY idx_calendar_broadcasts_pending (started_at, requested_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_broadcasts');
  }
}

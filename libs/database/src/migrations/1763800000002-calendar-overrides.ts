import { MigrationInterface, QueryRunner } from 'typeorm';

/** Day overrides that win over the chinese-days package (e.g. an arrangement published after its release). */
export class CalendarOverrides1763800000002 implements MigrationInterface {
  name = 'CalendarOverrides1763800000002';

  public async up(q: QueryRunner): Promise<void> {
    // updated_at has no default: the service writes it, in UTC like every other instant.
    await q.query(`
      CREATE TABLE calendar_day_overrides (
        day DATE NOT NULL,
        workday TINYINT(1) NOT NULL,
        name VARCHAR(64) NOT NULL,
        updated_by INT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_day_overrides');
  }
}

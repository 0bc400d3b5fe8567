import { MigrationInterface, QueryRunner } from 'typeorm';

/** When the revisit window of a case in REVISIT ends: the staff and the complainant see how long is left. */
export class RevisitWindow1763800000030 implements MigrationInterface {
  name = 'RevisitWindow1763800000030';

  public async up(q: QueryRunner): Promise<void> {
    // Nullable and without a default: an instant ALTER on MariaDB 10.3+ and MySQL 8, whatever the table's size.
    await q.query('ALTER TABLE cases ADD COLUMN revisit_ends_at DATETIME(3) NULL');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN revisit_ends_at');
  }
}

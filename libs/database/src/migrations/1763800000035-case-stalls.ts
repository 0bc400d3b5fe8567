import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case stalled on an effect that can never succeed as it stands: the reason and the instant, written by
 * the case workflow, cleared when a retry succeeds. Few cases are ever stalled, so a small index on the
 * instant serves the list's `stalled=true` and the count in /health without touching the list indexes.
 */
export class CaseStalls1763800000035 implements MigrationInterface {
  name = 'CaseStalls1763800000035';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN stalled_reason VARCHAR(300) NULL,
        ADD COLUMN stalled_at DATETIME(3) NULL,
        ADD KEY idx_cases_stalled (stalled_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP KEY idx_cases_stalled, DROP COLUMN stalled_at, DROP COLUMN stalled_reason');
  }
}

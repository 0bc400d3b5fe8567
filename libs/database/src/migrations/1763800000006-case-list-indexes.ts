import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists and the deadline dashboard at a million cases:
 * - `deadline_order` puts cases without a deadline last, so one index walks a list in its order and stops
 *   after the page; the indexes carry every column the list filters on (jurisdiction, status, stage, step,
 *   region, host unit), so rows that do not match are skipped, and counted, in the index alone;
 * - `open_case_counters` holds the dashboard's counts of open cases, kept by the projection writer in the
 *   transaction that changes the case row (investigating_org_id 0: none), backfilled here from the rows;
 *   each key is spread over 8 shards by case id, so one busy office does not queue on a single row.
 */
export class CaseListIndexes1763800000006 implements MigrationInterface {
  name = 'CaseListIndexes1763800000006';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN deadline_order DATETIME(3) AS (COALESCE(deadline_at, TIMESTAMP'9999-12-31 23:59:59.999')) STORED,
        DROP KEY idx_cases_status_deadline,
        ADD KEY idx_cases_list (deadline_order, created_at, handling_org_id, investigating_org_id, status, stage, step, region_code, host_unit_id, finding_result),
        ADD KEY idx_cases_list_status (status, deadline_order, created_at, handling_org_id, investigating_org_id, stage, step, region_code, host_unit_id, finding_result)`);
    await q.query(`
      CREATE TABLE open_case_counters (
        handling_org_id INT NOT NULL,
        investigating_org_id INT NOT NULL,
        stage VARCHAR(16) NOT NULL,
        shard TINYINT NOT NULL,
        on_time INT NOT NULL DEFAULT 0,
        at_risk INT NOT NULL DEFAULT 0,
        overdue INT NOT NULL DEFAULT 0,
        supervised INT NOT NULL DEFAULT 0,
        referred INT NOT NULL DEFAULT 0,
        total INT NOT NULL DEFAULT 0,
        PRIMARY KEY (handling_org_id, investigating_org_id, stage, shard)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // The same rule as openCaseCounts() in libs/projection; a migration keeps its own copy, never edited later.
    await q.query(`
      INSERT INTO open_case_counters (handling_org_id, investigating_org_id, stage, shard, on_time, at_risk, overdue, supervised, referred, total)
      SELECT handling_org_id, COALESCE(investigating_org_id, 0), stage, CONV(LEFT(id, 2), 16, 10) % 8,
             SUM(deadline_at IS NOT NULL AND overdue = 0 AND warned = 0),
             SUM(deadline_at IS NOT NULL AND overdue = 0 AND warned = 1),
             SUM(deadline_at IS NOT NULL AND overdue = 1),
             SUM(supervised), SUM(referred), COUNT(*)
        FROM cases WHERE status = 'OPEN'
       GROUP BY handling_org_id, COALESCE(investigating_org_id, 0), stage, CONV(LEFT(id, 2), 16, 10) % 8`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_case_counters');
    await q.query(`
      ALTER TABLE cases
        DROP KEY idx_cases_list_status,
        DROP KEY idx_cases_list,
        DROP COLUMN deadline_order,
        ADD KEY idx_cases_status_deadline (status, deadline_at)`);
  }
}

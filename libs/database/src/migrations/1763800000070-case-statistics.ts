import { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not derived from libs/domain: a committed migration must not change when the code does.
const COUNTERS = [
  'cases', 'accepted', 'rejected', 'merged', 'closed', 'open', 'open_overdue', 'supervised', 'referred',
  'rect_required', 'rect_approved', 'rect_submitted', 'returned', 'replied', 'reopened', 'revisited_closed', 'evaluated', 'satisfied', 'handled_closed',
  'done_acceptance', 'done_dispatch', 'done_investigation', 'done_sign', 'done_rectification', 'done_review', 'done_feedback',
  'on_time_acceptance', 'on_time_dispatch', 'on_time_investigation', 'on_time_sign', 'on_time_rectification', 'on_time_review', 'on_time_feedback',
];

const DIMENSIONS = `
  month INT NOT NULL,
  handling_org_id INT NOT NULL,
  region_code CHAR(6) NOT NULL,
  host_unit_id INT NOT NULL,
  category VARCHAR(32) NOT NULL,
  source VARCHAR(16) NOT NULL,`;

/**
 * Statistics (README, "Statistics"), kept by the projection writer in the transaction that writes the case row:
 * - `case_facts`: one row per case, what its statistics remember (libs/domain CaseFacts, as JSON) and its
 *   dimensions, so the cases behind a number can be found again;
 * - `case_stat_rollups`: the additive counters summed per submission month (Beijing) and dimensions, spread
 *   over shards like open_case_counters so that busy offices' writers do not queue on one row;
 * - `case_stat_handling_days`: how many handled cases took each whole number of working days, for percentiles.
 * Cases written before this migration get a facts row at their next projection write (from then on).
 */
export class CaseStatistics1763800000070 implements MigrationInterface {
  name = 'CaseStatistics1763800000070';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_facts (
        case_id CHAR(36) NOT NULL,${DIMENSIONS}
        facts JSON NOT NULL,
        PRIMARY KEY (case_id),
        KEY idx_case_facts_scope (handling_org_id, month)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE case_stat_rollups (${DIMENSIONS}
        shard TINYINT NOT NULL,
        ${COUNTERS.map((c) => `${c} INT NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (month, handling_org_id, region_code, host_unit_id, category, source, shard),
        KEY idx_case_stat_rollups_org (handling_org_id, month)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE case_stat_handling_days (${DIMENSIONS}
        days SMALLINT NOT NULL,
        shard TINYINT NOT NULL,
        cases INT NOT NULL DEFAULT 0,
        PRIMARY KEY (month, handling_org_id, region_code, host_unit_id, category, source, days, shard)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_stat_handling_days');
    await q.query('DROP TABLE case_stat_rollups');
    await q.query('DROP TABLE case_facts');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

// The defaults of PRODUCT.md as they stood when this migration was written; a migration never changes.
const DEFAULT_TERMS_V1 = {
  timeUnit: 'WORKING_DAY',
  durations: { ACCEPTANCE: 2, DISPATCH: 1, INVESTIGATION: 5, SIGN: 1, RECTIFICATION: 15, REVIEW: 3, FEEDBACK: 2 },
  revisitWindow: 7,
  maxRectification: 30,
  maxExtension: 15,
  supervisionGrace: 2,
  referralGrace: 5,
  referralAcknowledge: 5,
  referralConclude: 30,
};

/** Versioned SLA policies per (category, severity); starts with the default scope '*|*' at version 1. */
export class SlaPolicies1763800000001 implements MigrationInterface {
  name = 'SlaPolicies1763800000001';

  public async up(q: QueryRunner): Promise<void> {
    // JSON is LONGTEXT with a json_valid check on MariaDB, a native JSON column on MySQL 8.
    await q.query(`
      CREATE TABLE sla_policies (
        id INT NOT NULL AUTO_INCREMENT,
        scope_key VARCHAR(64) NOT NULL,
        category VARCHAR(32) NULL,
        severity VARCHAR(16) NULL,
        version INT NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        terms JSON NOT NULL,
        created_by INT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_sla_policies_scope_version (scope_key, version),
        KEY idx_sla_policies_active_scope (active, scope_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(
      'INSERT INTO sla_policies (scope_key, category, severity, version, active, terms, created_by) VALUES (?, NULL, NULL, 1, 1, ?, NULL)',
      ['*|*', JSON.stringify(DEFAULT_TERMS_V1)],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sla_policies');
  }
}

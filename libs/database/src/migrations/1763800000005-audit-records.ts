import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit trail, hash-chained by seq, and the one-row table appenders lock to take
 * the next seq (it also records the chain head, so deleting the newest records is detectable).
 * No foreign keys: audit records outlive whatever they describe.
 */
export class AuditRecords1763800000005 implements MigrationInterface {
  name = 'AuditRecords1763800000005';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_records (
        seq BIGINT NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        actor_user_id INT NULL,
        actor_role VARCHAR(32) NULL,
        actor_org_id INT NULL,
        action VARCHAR(64) NOT NULL,
        case_id CHAR(36) NULL,
        subject VARCHAR(128) NULL,
        before_state LONGTEXT NULL,
        after_state LONGTEXT NULL,
        dedupe_key VARCHAR(160) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
        prev_hash CHAR(64) NOT NULL,
        hash CHAR(64) NOT NULL,
        PRIMARY KEY (seq),
        UNIQUE KEY uq_audit_records_dedupe_key (dedupe_key),
        KEY idx_audit_records_case_seq (case_id, seq),
        KEY idx_audit_records_action_seq (action, seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE audit_chain_head (
        id TINYINT NOT NULL,
        last_seq BIGINT NOT NULL,
        last_hash CHAR(64) NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT chk_audit_chain_head_single_row CHECK (id = 1)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // The genesis: no records yet, prev_hash of #1 is 64 zeros.
    await q.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_chain_head');
    await q.query('DROP TABLE audit_records');
  }
}

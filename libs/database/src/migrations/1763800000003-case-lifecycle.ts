import { MigrationInterface, QueryRunner } from 'typeorm';

/** The case lifecycle's projection: step, deadline and flags on the case row, notifications, referrals. */
export class CaseLifecycle1763800000003 implements MigrationInterface {
  name = 'CaseLifecycle1763800000003';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN step VARCHAR(24) NOT NULL DEFAULT 'SUBMITTED' AFTER stage,
        ADD COLUMN outcome VARCHAR(24) NULL AFTER status,
        ADD COLUMN investigating_org_id INT NULL AFTER handling_org_id,
        ADD COLUMN host_unit_id INT NULL AFTER investigating_org_id,
        ADD COLUMN finding_result VARCHAR(24) NULL,
        ADD COLUMN reply TEXT NULL,
        ADD COLUMN satisfaction VARCHAR(24) NULL,
        ADD COLUMN reopen_count INT NOT NULL DEFAULT 0,
        ADD COLUMN deadline_kind VARCHAR(16) NULL,
        ADD COLUMN deadline_at DATETIME(3) NULL,
        ADD COLUMN warn_at DATETIME(3) NULL,
        ADD COLUMN warned TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN overdue TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN supervised TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN referred TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN breaches INT NOT NULL DEFAULT 0,
        ADD COLUMN policy_id INT NULL,
        ADD COLUMN policy_version INT NULL,
        ADD COLUMN merged_into CHAR(36) NULL,
        ADD COLUMN closed_at DATETIME(3) NULL,
        ADD COLUMN revision INT NOT NULL DEFAULT 0,
        ADD KEY idx_cases_status_deadline (status, deadline_at),
        ADD KEY idx_cases_host_unit (host_unit_id),
        ADD KEY idx_cases_investigating_org (investigating_org_id)`);
    await q.query(`
      CREATE TABLE notifications (
        id BIGINT NOT NULL AUTO_INCREMENT,
        user_id INT NOT NULL,
        case_id CHAR(36) NULL,
        referral_id VARCHAR(64) NULL,
        dedupe_key VARCHAR(120) NOT NULL,
        notice VARCHAR(48) NOT NULL,
        message VARCHAR(500) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        read_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_notifications_user_key (user_id, dedupe_key),
        KEY idx_notifications_user_created (user_id, created_at),
        CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE referrals (
        id VARCHAR(64) NOT NULL,
        case_id CHAR(36) NOT NULL,
        case_no VARCHAR(32) NOT NULL,
        reason VARCHAR(32) NOT NULL,
        status VARCHAR(24) NOT NULL,
        discipline_org_id INT NOT NULL,
        escalations INT NOT NULL DEFAULT 0,
        outcome VARCHAR(32) NULL,
        conclusion TEXT NULL,
        package LONGTEXT NULL,
        ack_deadline_at DATETIME(3) NULL,
        conclude_deadline_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        acknowledged_at DATETIME(3) NULL,
        concluded_at DATETIME(3) NULL,
        updated_at DATETIME(3) NOT NULL,
        revision INT NOT NULL DEFAULT 0,
        PRIMARY KEY (id),
        KEY idx_referrals_case (case_id),
        KEY idx_referrals_org_status (discipline_org_id, status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referrals');
    await q.query('DROP TABLE notifications');
    await q.query(`
      ALTER TABLE cases
        DROP KEY idx_cases_status_deadline, DROP KEY idx_cases_host_unit, DROP KEY idx_cases_investigating_org,
        DROP COLUMN step, DROP COLUMN outcome, DROP COLUMN investigating_org_id, DROP COLUMN host_unit_id,
        DROP COLUMN finding_result, DROP COLUMN reply, DROP COLUMN satisfaction, DROP COLUMN reopen_count,
        DROP COLUMN deadline_kind, DROP COLUMN deadline_at, DROP COLUMN warn_at, DROP COLUMN warned,
        DROP COLUMN overdue, DROP COLUMN supervised, DROP COLUMN referred, DROP COLUMN breaches,
        DROP COLUMN policy_id, DROP COLUMN policy_version, DROP COLUMN merged_into, DROP COLUMN closed_at,
        DROP COLUMN revision`);
  }
}

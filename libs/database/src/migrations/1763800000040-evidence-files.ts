import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (metadata; the bytes are in the object storage under their SHA-256), and the referral
 * package's PDF: its SHA-256, size and when it was built.
 */
export class EvidenceFiles1763800000040 implements MigrationInterface {
  name = 'EvidenceFiles1763800000040';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_files (
        id CHAR(36) NOT NULL,
        case_id CHAR(36) NOT NULL,
        sha256 CHAR(64) NOT NULL,
        size_bytes INT UNSIGNED NOT NULL,
        mime_type VARCHAR(100) NOT NULL,
        original_name VARCHAR(150) NOT NULL,
        owner VARCHAR(16) NOT NULL,
        forwarded TINYINT(1) NOT NULL DEFAULT 0,
        uploaded_by_user_id INT NULL,
        uploaded_by_org_id INT NULL,
        state VARCHAR(10) NOT NULL,
        event_seq INT NULL,
        created_at DATETIME(3) NOT NULL,
        attached_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        KEY idx_evidence_case (case_id, state),
        KEY idx_evidence_sha256 (sha256),
        KEY idx_evidence_pending (state, created_at),
        CONSTRAINT fk_evidence_case FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT chk_evidence_state CHECK (state IN ('PENDING', 'ATTACHED')),
        CONSTRAINT chk_evidence_owner CHECK (owner IN ('COMPLAINANT', 'HANDLER', 'HOST_UNIT', 'SUPERVISOR'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      ALTER TABLE referrals
        ADD COLUMN package_sha256 CHAR(64) NULL,
        ADD COLUMN package_size INT UNSIGNED NULL,
        ADD COLUMN package_built_at DATETIME(3) NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE referrals DROP COLUMN package_built_at, DROP COLUMN package_size, DROP COLUMN package_sha256');
    await q.query('DROP TABLE evidence_files');
  }
}

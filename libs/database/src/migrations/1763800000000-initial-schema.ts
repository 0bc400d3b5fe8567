import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id INT NOT NULL AUTO_INCREMENT,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        region_code CHAR(6) NOT NULL,
        parent_id INT NULL,
        path VARCHAR(255) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY idx_organizations_region_code (region_code),
        KEY idx_organizations_path (path),
        CONSTRAINT fk_organizations_parent FOREIGN KEY (parent_id) REFERENCES organizations (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE users (
        id INT NOT NULL AUTO_INCREMENT,
        username VARCHAR(64) NOT NULL,
        password_hash VARCHAR(100) NOT NULL,
        display_name VARCHAR(100) NOT NULL,
        role VARCHAR(32) NOT NULL,
        organization_id INT NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_users_username (username),
        KEY idx_users_org_role (organization_id, role),
        CONSTRAINT fk_users_organization FOREIGN KEY (organization_id) REFERENCES organizations (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE cases (
        id CHAR(36) NOT NULL,
        case_no VARCHAR(32) NOT NULL,
        source VARCHAR(16) NOT NULL,
        category VARCHAR(32) NOT NULL,
        subject_type VARCHAR(16) NOT NULL,
        subject_name VARCHAR(200) NOT NULL,
        region_code CHAR(6) NOT NULL,
        description TEXT NOT NULL,
        anonymous TINYINT(1) NOT NULL DEFAULT 0,
        complainant_name_sealed VARCHAR(512) NULL,
        complainant_phone_sealed VARCHAR(512) NULL,
        complainant_phone_masked VARCHAR(32) NULL,
        access_code_hash CHAR(64) NULL,
        stage VARCHAR(16) NOT NULL,
        status VARCHAR(8) NOT NULL,
        handling_org_id INT NOT NULL,
        severity VARCHAR(16) NULL,
        last_event_seq INT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_cases_case_no (case_no),
        KEY idx_cases_open_deadline (status),
        KEY idx_cases_region_code (region_code),
        KEY idx_cases_handling_org (handling_org_id),
        KEY idx_cases_subject (subject_name, category)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE case_events (
        id BIGINT NOT NULL AUTO_INCREMENT,
        case_id CHAR(36) NOT NULL,
        seq INT NOT NULL,
        type VARCHAR(48) NOT NULL,
        stage VARCHAR(16) NOT NULL,
        actor_user_id INT NULL,
        actor_role VARCHAR(32) NULL,
        note TEXT NULL,
        is_public TINYINT(1) NOT NULL DEFAULT 0,
        occurred_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_case_events_case_seq (case_id, seq),
        CONSTRAINT fk_case_events_case FOREIGN KEY (case_id) REFERENCES cases (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_events');
    await q.query('DROP TABLE cases');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE organizations');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Circulars (情况通报, README "Circulars"): the projection of each circular's workflow. `content` is the whole
 * document (statistics frozen at drafting, texts, anonymized typical cases); `content_hash` the SHA-256 of its
 * canonical JSON, set once published (and in the audit trail).
 */
export class Circulars1763800000071 implements MigrationInterface {
  name = 'Circulars1763800000071';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE circulars (
        id CHAR(36) NOT NULL,
        organization_id INT NOT NULL,
        title VARCHAR(100) NOT NULL,
        period_from CHAR(7) NOT NULL,
        period_to CHAR(7) NOT NULL,
        status VARCHAR(16) NOT NULL,
        content JSON NOT NULL,
        content_hash CHAR(64) NULL,
        author_user_id INT NULL,
        reviewer_user_id INT NULL,
        publisher_user_id INT NULL,
        published_at DATETIME(3) NULL,
        revision INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY idx_circulars_org (organization_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE circulars');
  }
}

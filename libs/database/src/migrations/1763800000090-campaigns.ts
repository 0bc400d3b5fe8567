import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spot-check campaigns (抽查评估, README "Spot-check campaigns"): the projection of each campaign's workflow
 * and of its items. `definition` is the campaign as created (scope, strata, quotas, weighting, seed);
 * `snapshot_fingerprint` the SHA-256 of the registry snapshot the sample was drawn from. Each item keeps the
 * version of the entry drawn, its stratum and draw order, the checklist result and the finding case.
 */
export class Campaigns1763800000090 implements MigrationInterface {
  name = 'Campaigns1763800000090';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id CHAR(36) NOT NULL,
        organization_id INT NOT NULL,
        title VARCHAR(100) NOT NULL,
        status VARCHAR(16) NOT NULL,
        definition JSON NOT NULL,
        snapshot_fingerprint CHAR(64) NULL,
        snapshot_size INT NULL,
        allocation JSON NULL,
        created_by INT NULL,
        revision INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        drawn_at DATETIME(3) NULL,
        closed_at DATETIME(3) NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY idx_campaigns_org (organization_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE campaign_items (
        campaign_id CHAR(36) NOT NULL,
        item_no INT NOT NULL,
        registry_entry_id INT NOT NULL,
        registry_entry_version INT NOT NULL,
        entry_name VARCHAR(100) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        region_code CHAR(6) NOT NULL,
        host_unit_id INT NOT NULL,
        host_unit_name VARCHAR(200) NOT NULL,
        stratum VARCHAR(20) NOT NULL,
        weight DOUBLE NOT NULL,
        checks JSON NOT NULL,
        status VARCHAR(16) NOT NULL,
        inspector_user_id INT NULL,
        assigned_at DATETIME(3) NULL,
        remind_at DATETIME(3) NULL,
        deadline_at DATETIME(3) NULL,
        results JSON NULL,
        evidence_ref VARCHAR(200) NULL,
        severity VARCHAR(16) NULL,
        completed_at DATETIME(3) NULL,
        finding_case_id CHAR(36) NULL,
        finding_case_no VARCHAR(32) NULL,
        revision INT NOT NULL,
        PRIMARY KEY (campaign_id, item_no),
        KEY idx_campaign_items_inspector (inspector_user_id, status),
        KEY idx_campaign_items_entry (registry_entry_id),
        CONSTRAINT fk_campaign_items_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_items');
    await q.query('DROP TABLE campaigns');
  }
}

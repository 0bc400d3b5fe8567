import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry of government apps, mini programs, public accounts and work groups: the current state of
 * each entry, and every state it had (a version row per change, with who and when). One entry per host
 * unit, kind and name (the import's natural key); an ICP filing number belongs to one entry.
 */
export class Registry1763800000060 implements MigrationInterface {
  name = 'Registry1763800000060';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registry_entries (
        id INT NOT NULL AUTO_INCREMENT,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        platform VARCHAR(20) NOT NULL,
        host_unit_id INT NOT NULL,
        region_code CHAR(6) NOT NULL,
        icp_filing VARCHAR(40) NULL,
        launched_on DATE NULL,
        declared_users INT UNSIGNED NULL,
        features VARCHAR(2000) NOT NULL,
        status VARCHAR(16) NOT NULL,
        closing_announced_on DATE NULL,
        last_content_update_on DATE NULL,
        last_used_on DATE NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_registry_entries_natural_key (host_unit_id, kind, name),
        UNIQUE KEY uq_registry_entries_icp (icp_filing),
        KEY idx_registry_entries_region (region_code, kind),
        CONSTRAINT fk_registry_entries_host_unit FOREIGN KEY (host_unit_id) REFERENCES organizations (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE registry_entry_versions (
        id INT NOT NULL AUTO_INCREMENT,
        entry_id INT NOT NULL,
        version INT NOT NULL,
        \`change\` VARCHAR(16) NOT NULL,
        content TEXT NOT NULL,
        changed_by INT NOT NULL,
        changed_by_role VARCHAR(32) NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_registry_entry_versions (entry_id, version),
        CONSTRAINT fk_registry_entry_versions_entry FOREIGN KEY (entry_id) REFERENCES registry_entries (id),
        CONSTRAINT fk_registry_entry_versions_user FOREIGN KEY (changed_by) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registry_entry_versions');
    await q.query('DROP TABLE registry_entries');
  }
}

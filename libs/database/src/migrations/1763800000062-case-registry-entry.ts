import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry entry a case is about, picked at intake (nullable: most complaints name no entry, and older
 * cases have none). No foreign key: the case row is the case workflow's projection, and a projection write
 * must not fail on a constraint the workflow cannot repair; the API checks the entry before the case starts,
 * and entries are never deleted. The index serves an entry's cases and its complaint count.
 */
export class CaseRegistryEntry1763800000062 implements MigrationInterface {
  name = 'CaseRegistryEntry1763800000062';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN registry_entry_id INT NULL, ADD KEY idx_cases_registry_entry (registry_entry_id)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP KEY idx_cases_registry_entry, DROP COLUMN registry_entry_id');
  }
}

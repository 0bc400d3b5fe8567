import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The autocomplete reads every open entry's id, name, kind, region and host unit on each lookup (then ranks
 * them by similarity, which no index can do): this index covers those columns, so the read is one scan of a
 * narrow index instead of the table with its features and dates.
 */
export class RegistryLookup1763800000063 implements MigrationInterface {
  name = 'RegistryLookup1763800000063';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE registry_entries ADD KEY idx_registry_entries_lookup (status, name, kind, region_code, host_unit_id)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE registry_entries DROP KEY idx_registry_entries_lookup');
  }
}

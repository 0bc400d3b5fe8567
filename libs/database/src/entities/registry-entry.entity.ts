import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistryKind, RegistryPlatform, RegistryStatus } from '@app/domain';

/** The current state of a registry entry; every state it had is a RegistryEntryVersionEntity row. */
@Entity({ name: 'registry_entries' })
@Index('uq_registry_entries_natural_key', ['hostUnitId', 'kind', 'name'], { unique: true })
@Index('idx_registry_entries_lookup', ['status', 'name', 'kind', 'regionCode', 'hostUnitId'])
export class RegistryEntryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: RegistryKind;

  @Column({ type: 'varchar', length: 20 })
  platform: RegistryPlatform;

  @Column({ name: 'host_unit_id' })
  hostUnitId: number;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ name: 'icp_filing', type: 'varchar', length: 40, nullable: true })
  icpFiling: string | null;

  /** DATE columns come back as 'YYYY-MM-DD' strings. */
  @Column({ name: 'launched_on', type: 'date', nullable: true })
  launchedOn: string | null;

  @Column({ name: 'declared_users', type: 'int', unsigned: true, nullable: true })
  declaredUsers: number | null;

  /** RegistryFeature[] as JSON. */
  @Column({ length: 2000 })
  features: string;

  @Column({ type: 'varchar', length: 16 })
  status: RegistryStatus;

  @Column({ name: 'closing_announced_on', type: 'date', nullable: true })
  closingAnnouncedOn: string | null;

  @Column({ name: 'last_content_update_on', type: 'date', nullable: true })
  lastContentUpdateOn: string | null;

  @Column({ name: 'last_used_on', type: 'date', nullable: true })
  lastUsedOn: string | null;

  /** The number of the latest version row; each change adds one. */
  @Column()
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

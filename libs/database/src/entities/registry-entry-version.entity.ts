import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistryChange } from '@app/domain';

/** One state of a registry entry, as it was after a change, with who made the change and when. Never updated. */
@Entity({ name: 'registry_entry_versions' })
export class RegistryEntryVersionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entry_id' })
  entryId: number;

  @Column()
  version: number;

  @Column({ type: 'varchar', length: 16 })
  change: RegistryChange;

  /** RegistryEntryContent as JSON. */
  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'changed_by', type: 'int' })
  changedBy: number;

  @Column({ name: 'changed_by_role', type: 'varchar', length: 32 })
  changedByRole: string;

  @Column({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt: Date;
}

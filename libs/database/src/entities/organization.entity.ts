import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganizationKind } from '@app/domain';

/** A node of the organization tree: offices by region, host units, discipline bodies. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrganizationKind;

  /** GB/T 2260 code of the region the organization answers for; 000000 for the central office. */
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId: number | null;

  /** Ids from the root down, e.g. "1/2/5/": a subtree is one prefix match. */
  @Index()
  @Column({ length: 255 })
  path: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

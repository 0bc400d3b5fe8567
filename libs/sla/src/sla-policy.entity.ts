import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import type { Category, Severity, SlaTerms } from '@app/domain';

/**
 * MariaDB stores JSON as LONGTEXT, so the driver may hand back a string (or, if a value was ever
 * stored double-encoded, a string after TypeORM's own parse); MySQL 8 hands back an object.
 */
const jsonObject: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
};

/**
 * One version of the SLA policy for a scope (category × severity, null = any). Rows are never
 * updated except to clear `active`: a case keeps the version it started with, by id.
 */
@Entity({ name: 'sla_policies' })
@Index('uq_sla_policies_scope_version', ['scopeKey', 'version'], { unique: true })
@Index('idx_sla_policies_active_scope', ['active', 'scopeKey'])
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** `${category ?? '*'}|${severity ?? '*'}`: NULLs would defeat the unique key, this does not. */
  @Column({ name: 'scope_key', type: 'varchar', length: 64 })
  scopeKey: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category: Category | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  severity: Severity | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ type: 'json', transformer: jsonObject })
  terms: SlaTerms;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

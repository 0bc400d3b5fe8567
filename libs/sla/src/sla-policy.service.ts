import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditTrail, type AuditActor } from '@app/audit';
import { AppConfig } from '@app/config';
import type { Category, Severity, SlaPolicySnapshot, SlaTerms } from '@app/domain';
import { SlaPolicyEntity } from './sla-policy.entity';
import { SlaPolicyError, SlaPolicyNotFoundError } from './sla-policy.errors';
import { pickMostSpecific, pickTerms, scopeKeyOf, validateSlaTerms, type SlaScope } from './sla-terms';

/** A stored version with its scope and provenance, for administrators. */
export interface SlaPolicyRecord extends SlaPolicySnapshot, SlaScope {
  active: boolean;
  createdBy: number | null;
  createdAt: Date;
}

/** Two first publishes of a new scope can deadlock on InnoDB gap locks; one retry settles it. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_DUP_ENTRY']);
const PUBLISH_ATTEMPTS = 3;

@Injectable()
export class SlaPolicyService {
  constructor(
    @InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  /** The policy a new case starts with; the caller keeps the snapshot for the case's life. */
  async resolve(category: Category, severity: Severity | null): Promise<SlaPolicySnapshot> {
    const active = await this.policies.find({ where: { active: true } });
    const row = pickMostSpecific(active, category, severity);
    if (!row) throw new Error('No default SLA policy (scope *|*): the sla_policies migration has not run');
    return toSnapshot(row);
  }

  /** Any version, active or not: running cases refer to old ones. */
  async get(id: number): Promise<SlaPolicySnapshot> {
    return toSnapshot(await this.find(id));
  }

  async getRecord(id: number): Promise<SlaPolicyRecord> {
    return toRecord(await this.find(id));
  }

  /** Every version, scope by scope, newest first; the active one of each scope is flagged. */
  async list(): Promise<SlaPolicyRecord[]> {
    const rows = await this.policies.find({ order: { scopeKey: 'ASC', version: 'DESC' } });
    return rows.map(toRecord);
  }

  /** Appends a new version for the scope and retires the previous one, atomically. */
  async publish(scope: SlaScope, terms: SlaTerms, actor: AuditActor): Promise<SlaPolicyRecord> {
    const problems = validateSlaTerms(terms, { allowMinutes: this.config.NODE_ENV !== 'production' });
    if (problems.length > 0) throw new SlaPolicyError(problems);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.append(scope, pickTerms(terms), actor);
      } catch (error) {
        if (attempt >= PUBLISH_ATTEMPTS || !RETRYABLE.has(driverCode(error))) throw error;
      }
    }
  }

  private append(scope: SlaScope, terms: SlaTerms, actor: AuditActor): Promise<SlaPolicyRecord> {
    const scopeKey = scopeKeyOf(scope);
    return this.policies.manager.transaction(async (em) => {
      // Locks the scope's rows so concurrent publishes queue up instead of computing the same version.
      const existing = await em
        .createQueryBuilder(SlaPolicyEntity, 'p')
        .setLock('pessimistic_write')
        .where('p.scope_key = :scopeKey', { scopeKey })
        .getMany();
      const version = Math.max(0, ...existing.map((row) => row.version)) + 1;
      await em.update(SlaPolicyEntity, { scopeKey, active: true }, { active: false });
      const inserted = await em.insert(SlaPolicyEntity, {
        scopeKey,
        category: scope.category,
        severity: scope.severity,
        version,
        active: true,
        terms,
        createdBy: actor.userId,
      });
      const id = inserted.identifiers[0].id as number;
      const previous = existing.find((row) => row.active);
      await this.audit.append(
        [{ action: 'sla_policy.PUBLISHED', actor, subject: `sla_policy:${id}`, before: previous ? { id: previous.id, version: previous.version, terms: previous.terms } : null, after: { scopeKey, version, terms } }],
        em,
      );
      return toRecord(await em.findOneByOrFail(SlaPolicyEntity, { id }));
    });
  }

  private async find(id: number): Promise<SlaPolicyEntity> {
    const row = await this.policies.findOneBy({ id });
    if (!row) throw new SlaPolicyNotFoundError(id);
    return row;
  }
}

function toSnapshot(row: SlaPolicyEntity): SlaPolicySnapshot {
  return { policyId: row.id, version: row.version, ...pickTerms(row.terms) };
}

function toRecord(row: SlaPolicyEntity): SlaPolicyRecord {
  return { ...toSnapshot(row), category: row.category, severity: row.severity, active: row.active, createdBy: row.createdBy, createdAt: row.createdAt };
}

/** TypeORM wraps driver errors in QueryFailedError; the MySQL code sits on driverError. */
function driverCode(error: unknown): string {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  return String(e?.driverError?.code ?? e?.code ?? '');
}

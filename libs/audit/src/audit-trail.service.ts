import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, MoreThanOrEqual, Repository, type FindOptionsWhere } from 'typeorm';
import { recordHash, verifyChainInBatches, type AuditRecordFields, type ChainPosition, type ChainVerdict } from './audit-chain';
import { AuditRecordEntity } from './audit-record.entity';
import { AuditEntryError } from './audit.errors';

/** Who did it; a domain ActorRef fits as is. */
export interface AuditActor {
  userId: number | null;
  role: string | null;
  organizationId: number | null;
}

/** One thing to record. before/after are JSON-serializable values (null/undefined: none). */
export interface AuditEntry {
  action: string;
  actor?: AuditActor | null;
  /** Null for actions outside any case. */
  caseId?: string | null;
  /** What was acted on besides the case, e.g. 'sla_policy:3', 'user:12', 'referral:<id>'. */
  subject?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to now. */
  occurredAt?: Date | string;
  /** An entry whose key is already recorded is skipped, so an activity retry appends nothing twice. */
  dedupeKey?: string | null;
}

export interface AuditListQuery {
  caseId?: string;
  action?: string;
  /** Records with seq >= fromSeq, oldest first. */
  fromSeq?: number;
  limit?: number;
}

export const AUDIT_LIST_MAX = 1000;

type Draft = Omit<AuditRecordFields, 'seq' | 'prevHash'>;

@Injectable()
export class AuditTrail {
  constructor(@InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>) {}

  /**
   * Appends the entries in order, in `em`'s transaction when one is given (the caller's change and
   * its audit records then commit or roll back together), else in a transaction of its own.
   * Appending holds the chain lock until that transaction ends: call it last in the transaction.
   * Returns the records appended (entries skipped by their dedupe key are not among them).
   */
  async append(entries: AuditEntry[], em?: EntityManager): Promise<AuditRecordEntity[]> {
    if (entries.length === 0) return [];
    const drafts = entries.map(toDraft);
    if (em?.queryRunner?.isTransactionActive) return appendInTransaction(em, drafts);
    return (em ?? this.records.manager).transaction((tx) => appendInTransaction(tx, drafts));
  }

  /** Streams the whole chain in seq order, `batchSize` records at a time, and names the first broken record. */
  verify(batchSize = 5000): Promise<ChainVerdict> {
    return verifyStoredChain(this.records.manager, batchSize);
  }

  list(query: AuditListQuery = {}): Promise<AuditRecordEntity[]> {
    const where: FindOptionsWhere<AuditRecordEntity> = {};
    if (query.caseId !== undefined) where.caseId = query.caseId;
    if (query.action !== undefined) where.action = query.action;
    if (query.fromSeq !== undefined) where.seq = MoreThanOrEqual(query.fromSeq);
    const asked = Number.isFinite(query.limit) ? Math.trunc(query.limit!) : 100;
    const limit = Math.min(Math.max(asked, 1), AUDIT_LIST_MAX);
    return this.records.find({ where, order: { seq: 'ASC' }, take: limit });
  }
}

/**
 * Verifies the stored chain through any EntityManager (the `npm run audit:verify` command uses a
 * plain DataSource's). The head is read first: records appended meanwhile are checked too.
 */
export async function verifyStoredChain(manager: EntityManager, batchSize = 5000): Promise<ChainVerdict> {
  const anchor = await readChainHead(manager, false);
  const read = (afterSeq: number, limit: number) =>
    manager.find(AuditRecordEntity, { where: { seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
  return verifyChainInBatches(read, { batchSize, anchor });
}

async function appendInTransaction(em: EntityManager, drafts: Draft[]): Promise<AuditRecordEntity[]> {
  // Before the chain lock, so the lock is held for as few round trips as possible. A record with the same
  // key committed meanwhile makes the insert below fail on the unique key: the caller's retry then skips it.
  const fresh = await withoutRecordedKeys(em, drafts);
  if (fresh.length === 0) return [];
  // Every appender queues on this row, so seqs are taken one transaction at a time, even from an empty table.
  // A locking read sees the latest committed head even if the caller's transaction holds an older snapshot.
  let tail = await readChainHead(em, true);
  const appended = fresh.map((draft) => {
    const fields: AuditRecordFields = { ...draft, seq: tail.seq + 1, prevHash: tail.hash };
    const record = em.create(AuditRecordEntity, { ...fields, hash: recordHash(tail.hash, fields) });
    tail = { seq: record.seq, hash: record.hash };
    return record;
  });
  await em.insert(AuditRecordEntity, appended);
  await em.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [tail.seq, tail.hash]);
  return appended;
}

/** Drops drafts whose dedupe key is already recorded, or repeated earlier in the same call. */
async function withoutRecordedKeys(em: EntityManager, drafts: Draft[]): Promise<Draft[]> {
  const keys = [...new Set(drafts.map((d) => d.dedupeKey).filter((key): key is string => key !== null))];
  const seen = new Set<string>();
  if (keys.length > 0) {
    const rows = (await em.query(`SELECT dedupe_key FROM audit_records WHERE dedupe_key IN (${keys.map(() => '?').join(', ')})`, keys)) as Array<{ dedupe_key: string }>;
    for (const row of rows) seen.add(row.dedupe_key);
  }
  return drafts.filter((draft) => {
    if (draft.dedupeKey === null) return true;
    if (seen.has(draft.dedupeKey)) return false;
    seen.add(draft.dedupeKey);
    return true;
  });
}

async function readChainHead(manager: EntityManager, lock: boolean): Promise<ChainPosition> {
  const rows = (await manager.query(`SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1${lock ? ' FOR UPDATE' : ''}`)) as Array<{ last_seq: string | number; last_hash: string }>;
  if (rows.length === 0) throw new Error('audit_chain_head has no row: the audit-records migration has not run');
  return { seq: Number(rows[0].last_seq), hash: rows[0].last_hash };
}

const LIMITS = { action: 64, actorRole: 32, subject: 128, dedupeKey: 160 } as const;

/** Rejects what the columns would truncate or alter: a stored value must be exactly the hashed one. */
function toDraft(entry: AuditEntry, index: number): Draft {
  const problems: string[] = [];
  const text = (field: keyof typeof LIMITS, value: string | null | undefined, required = false): string | null => {
    if (value === null || value === undefined || value === '') {
      if (required) problems.push(`${field} is required`);
      return null;
    }
    if (typeof value !== 'string') problems.push(`${field} must be a string`);
    else if (value.length > LIMITS[field]) problems.push(`${field} must be at most ${LIMITS[field]} characters`);
    else if (value !== value.trimEnd()) problems.push(`${field} must not end with spaces`);
    return value;
  };
  const action = text('action', entry.action, true) ?? '';
  const actorRole = text('actorRole', entry.actor?.role);
  const subject = text('subject', entry.subject);
  const dedupeKey = text('dedupeKey', entry.dedupeKey);
  const caseId = entry.caseId ?? null;
  if (caseId !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId)) problems.push('caseId must be a UUID');
  const actorUserId = optionalInt('actor.userId', entry.actor?.userId, problems);
  const actorOrgId = optionalInt('actor.organizationId', entry.actor?.organizationId, problems);
  const occurredAt = entry.occurredAt === undefined ? new Date() : new Date(entry.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) problems.push('occurredAt must be a valid instant');
  const beforeState = toJsonText('before', entry.before, problems);
  const afterState = toJsonText('after', entry.after, problems);
  if (problems.length > 0) throw new AuditEntryError(index, problems);
  return { occurredAt, actorUserId, actorRole, actorOrgId, action, caseId, subject, beforeState, afterState, dedupeKey };
}

function optionalInt(field: string, value: number | null | undefined, problems: string[]): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) problems.push(`${field} must be an INT`);
  return value;
}

function toJsonText(field: string, value: unknown, problems: string[]): string | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value) ?? null;
  } catch (error) {
    problems.push(`${field} is not JSON-serializable: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

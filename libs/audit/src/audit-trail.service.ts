import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThanOrEqual, Repository, type FindOptionsWhere } from 'typeorm';
import { chainKey, chainOf, chainRecords, type ChainHead, type ChainVerdict, type RecordContent } from './audit-chain';
import { AuditRecordEntity } from './audit-record.entity';
import { verifyStoredChain } from './audit-store';
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

type Draft = RecordContent;

@Injectable()
export class AuditTrail {
  constructor(@InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>) {}

  /**
   * Appends the entries in order, in `em`'s transaction when one is given (the caller's change and
   * its audit records then commit or roll back together), else in a transaction of its own.
   * Appending holds the lock of each chain it writes until that transaction ends: call it once, last
   * in the transaction. Entries of other cases (other chains) do not wait for it.
   * Returns the records appended (entries skipped by their dedupe key are not among them).
   */
  async append(entries: AuditEntry[], em?: EntityManager): Promise<AuditRecordEntity[]> {
    if (entries.length === 0) return [];
    const drafts = entries.map(toDraft);
    if (em?.queryRunner?.isTransactionActive) return appendInTransaction(em, drafts);
    return (em ?? this.records.manager).transaction((tx) => appendInTransaction(tx, drafts));
  }

  /** Walks the anchors, the legacy segment and every chain, `batchSize` records at a time, and names the first break. */
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

interface HeadRow {
  chain: number;
  last_chain_seq: string | number;
  last_seq: string | number;
  last_hash: string;
  now_ms: string | number;
}

async function appendInTransaction(em: EntityManager, drafts: Draft[]): Promise<AuditRecordEntity[]> {
  // Before any lock, so locks are held for as few round trips as possible. A record with the same key
  // committed meanwhile makes the insert below fail on the unique key: the caller's retry then skips it.
  const fresh = await withoutRecordedKeys(em, drafts);
  if (fresh.length === 0) return [];
  const chains = [...new Set(fresh.map((draft) => chainOf(chainKey(draft))))].sort((a, b) => a - b);
  // One locking read takes every head the call needs, in chain order, so two appenders that need the same
  // heads queue in the same order and never deadlock each other. It sees the latest committed heads even if
  // the caller's transaction holds an older snapshot; the database's clock comes along for the seqs.
  const rows = (await em.query(
    `SELECT chain, last_chain_seq, last_seq, last_hash, TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000 AS now_ms
       FROM audit_chain_heads WHERE chain IN (${chains.map(() => '?').join(', ')}) ORDER BY chain FOR UPDATE`,
    chains,
  )) as HeadRow[];
  if (rows.length !== chains.length) throw new Error('audit_chain_heads lacks a chain: the audit-chains migration has not run');
  const heads = new Map(rows.map((r): [number, ChainHead] => [Number(r.chain), { chainSeq: Number(r.last_chain_seq), seq: Number(r.last_seq), hash: r.last_hash }]));
  const placed = chainRecords(fresh, heads, Number(rows[0].now_ms));
  const appended = placed.records.map((record) => em.create(AuditRecordEntity, record));
  await em.insert(AuditRecordEntity, appended);
  for (const chain of chains) {
    const head = placed.heads.get(chain)!;
    await em.query('UPDATE audit_chain_heads SET last_chain_seq = ?, last_seq = ?, last_hash = ? WHERE chain = ?', [head.chainSeq, head.seq, head.hash, chain]);
  }
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

import { createHash } from 'node:crypto';

/** The prev_hash of record #1. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every stored field of an audit record except its own hash, as the hash covers them. */
export interface AuditRecordFields {
  seq: number;
  occurredAt: Date | string;
  actorUserId: number | null;
  actorRole: string | null;
  actorOrgId: number | null;
  action: string;
  caseId: string | null;
  subject: string | null;
  /** JSON text, exactly as stored. */
  beforeState: string | null;
  afterState: string | null;
  dedupeKey: string | null;
  prevHash: string;
}

export interface ChainedRecord extends AuditRecordFields {
  hash: string;
}

/** Where a chain (or a verified prefix of it) ends: record #seq with this hash; #0 is the genesis. */
export interface ChainPosition {
  seq: number;
  hash: string;
}

export const GENESIS: ChainPosition = { seq: 0, hash: GENESIS_HASH };

export const CHAIN_BREAK_REASONS = ['hash mismatch', 'prev_hash link broken', 'seq gap', 'chain head mismatch'] as const;
export type ChainBreakReason = (typeof CHAIN_BREAK_REASONS)[number];

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; reason: ChainBreakReason; detail: string };

/**
 * A stable serialization: fixed key order, absent values as null, the instant as an ISO string and
 * seq as a number (the driver may hand BIGINT back as a string).
 */
export function canonicalRecord(record: AuditRecordFields): string {
  return JSON.stringify({
    seq: Number(record.seq),
    occurredAt: new Date(record.occurredAt).toISOString(),
    actorUserId: record.actorUserId ?? null,
    actorRole: record.actorRole ?? null,
    actorOrgId: record.actorOrgId ?? null,
    action: record.action,
    caseId: record.caseId ?? null,
    subject: record.subject ?? null,
    beforeState: record.beforeState ?? null,
    afterState: record.afterState ?? null,
    dedupeKey: record.dedupeKey ?? null,
    prevHash: record.prevHash,
  });
}

/** sha256 hex of the previous record's hash followed by this record's canonical form. */
export function recordHash(prevHash: string, record: AuditRecordFields): string {
  return createHash('sha256').update(prevHash).update(canonicalRecord(record)).digest('hex');
}

/**
 * Checks records in seq order, continuing from `from` (the genesis by default, or where the previous
 * batch ended). The first broken record is named; later ones are not looked at.
 */
export function verifyChain(records: Iterable<ChainedRecord>, from: ChainPosition = GENESIS): ChainVerdict & { head: ChainPosition } {
  let head = from;
  let checked = 0;
  for (const record of records) {
    const seq = Number(record.seq);
    const broken = (reason: ChainBreakReason, detail: string) => ({ ok: false as const, checked, brokenAtSeq: seq, reason, detail, head });
    if (seq !== head.seq + 1) return broken('seq gap', `expected #${head.seq + 1}, found #${seq}`);
    if (record.prevHash !== head.hash) return broken('prev_hash link broken', `prev_hash does not match the hash of #${head.seq}`);
    if (recordHash(record.prevHash, record) !== record.hash) return broken('hash mismatch', `the stored hash does not match the record's content`);
    head = { seq, hash: record.hash };
    checked++;
  }
  return { ok: true, checked, head };
}

/** Reads up to `limit` records with seq > afterSeq, in seq order. */
export type ChainBatchReader = (afterSeq: number, limit: number) => Promise<ChainedRecord[]>;

export interface BatchVerifyOptions {
  batchSize: number;
  /**
   * The chain head as recorded when verification began: every record up to it must exist and #seq
   * must carry its hash, so deleting the newest records is caught too. Records appended meanwhile
   * (seq beyond the anchor) are verified as well.
   */
  anchor?: ChainPosition;
}

/** Verifies a chain of any length batch by batch, holding one batch in memory at a time. */
export async function verifyChainInBatches(read: ChainBatchReader, options: BatchVerifyOptions): Promise<ChainVerdict> {
  const { batchSize, anchor } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  let head = GENESIS;
  let checked = 0;
  for (;;) {
    const batch = await read(head.seq, batchSize);
    const verdict = verifyChain(batch, head);
    if (!verdict.ok) {
      const { brokenAtSeq, reason, detail } = verdict;
      return { ok: false, checked: checked + verdict.checked, brokenAtSeq, reason, detail };
    }
    checked += verdict.checked;
    const anchored = anchor && batch.find((record) => Number(record.seq) === anchor.seq);
    if (anchored && anchored.hash !== anchor.hash) {
      return { ok: false, checked, brokenAtSeq: anchor.seq, reason: 'chain head mismatch', detail: `#${anchor.seq} does not carry the hash the chain head recorded` };
    }
    head = verdict.head;
    if (batch.length < batchSize) break;
  }
  if (anchor && head.seq < anchor.seq) {
    return { ok: false, checked, brokenAtSeq: head.seq + 1, reason: 'chain head mismatch', detail: `records #${head.seq + 1}..#${anchor.seq} are missing` };
  }
  return { ok: true, checked };
}

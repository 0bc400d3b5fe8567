import { createHash } from 'node:crypto';

/** The prev_hash of the legacy segment's record #1, and of anchor #1. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Records are spread over this many chains, each with a head row of its own, so appenders of different
 * chains never wait for each other. Fixed: a record's chain follows from its key modulo this count, and
 * the chain is also the low part of its seq, so changing it would move cases between chains.
 */
export const AUDIT_CHAIN_COUNT = 64;

/** A chain may take this many seqs a millisecond before it runs ahead of the clock (it then just counts on). */
export const SEQ_TICKS_PER_MS = 16;

/** Every stored field of an audit record except its own hash, as the hash covers them. */
export interface AuditRecordFields {
  seq: number;
  /** Null for the legacy segment: the single chain written before the chains were split. */
  chain: number | null;
  /** Position in its chain: 1, 2, 3… without gaps (null in the legacy segment, where seq is the position). */
  chainSeq: number | null;
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

/** Where a chain (or a verified prefix of it) ends: its record at `position` with this hash; 0 is the genesis. */
export interface ChainPosition {
  position: number;
  hash: string;
}

export const CHAIN_BREAK_REASONS = [
  'hash mismatch',
  'prev_hash link broken',
  'seq gap',
  'seq out of order',
  'wrong chain',
  'chain head mismatch',
  'anchor mismatch',
] as const;
export type ChainBreakReason = (typeof CHAIN_BREAK_REASONS)[number];

/** The legacy segment, one of the chains, or the anchor chain that seals them all. */
export const CHAIN_SEGMENTS = ['legacy', 'chain', 'anchors'] as const;
export type ChainSegment = (typeof CHAIN_SEGMENTS)[number];

export interface ChainBreak {
  segment: ChainSegment;
  /** The chain's number when segment is 'chain', else null. */
  chain: number | null;
  /** The broken record's position in its segment: seq in the legacy segment, chain_seq in a chain, the anchor's seq. */
  position: number;
  reason: ChainBreakReason;
  detail: string;
}

export type ChainVerdict = { ok: true; checked: number; anchors: number } | ({ ok: false; checked: number; anchors: number } & ChainBreak);

const json = (value: unknown) => JSON.stringify(value);
const sha256 = (...parts: string[]) => parts.reduce((h, part) => h.update(part), createHash('sha256')).digest('hex');

/**
 * A stable serialization: fixed key order, absent values as null, the instant as an ISO string and
 * numbers as numbers (the driver may hand BIGINT back as a string). A legacy record keeps the form it
 * was hashed in, without the chain fields.
 */
export function canonicalRecord(record: AuditRecordFields): string {
  const chained = record.chain !== null && record.chain !== undefined;
  return json({
    seq: Number(record.seq),
    ...(chained ? { chain: Number(record.chain), chainSeq: Number(record.chainSeq) } : {}),
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
  return sha256(prevHash, canonicalRecord(record));
}

/** What picks a record's chain: its case (a case's records stay in one chain, in order), else its subject, else its action. */
export function chainKey(record: { caseId?: string | null; subject?: string | null; action: string }): string {
  if (record.caseId) return `case:${record.caseId.toLowerCase()}`;
  if (record.subject) return `subject:${record.subject}`;
  return `action:${record.action}`;
}

export function chainOf(key: string, count = AUDIT_CHAIN_COUNT): number {
  return parseInt(sha256(key).slice(0, 8), 16) % count;
}

/** A chain's record #0: it starts from the sealed legacy segment's last record, so cutting that segment's tail shows in every chain. */
export function chainGenesisHash(chain: number, legacy: { seq: number; hash: string }): string {
  return sha256(json({ genesisOf: 'audit chain', chain, legacySeq: legacy.seq, legacyHash: legacy.hash }));
}

/** A chained record's seq: a clock tick (the database's, SEQ_TICKS_PER_MS a millisecond) times the chain count, plus the chain. */
export function chainedSeq(tick: number, chain: number): number {
  return tick * AUDIT_CHAIN_COUNT + chain;
}

export function tickOf(seq: number): number {
  return Math.floor(seq / AUDIT_CHAIN_COUNT);
}

export type RecordContent = Omit<AuditRecordFields, 'seq' | 'chain' | 'chainSeq' | 'prevHash'>;

/** A chain's head: its last record's position, seq and hash (position 0: the genesis, seq 0). */
export interface ChainHead {
  chainSeq: number;
  seq: number;
  hash: string;
}

/**
 * Places records, in the given order, after the heads of their chains (`heads` must hold each), with
 * seqs from the clock that follow that order and rise along every chain even when the clock does not.
 * Returns the records and the heads as they then stand.
 */
export function chainRecords(contents: RecordContent[], heads: ReadonlyMap<number, ChainHead>, nowMs: number): { records: ChainedRecord[]; heads: Map<number, ChainHead> } {
  const next = new Map(heads);
  const chains = contents.map((content) => chainOf(chainKey(content)));
  let tick = Math.max(Math.floor(nowMs) * SEQ_TICKS_PER_MS, ...chains.map((chain) => tickOf(next.get(chain)!.seq) + 1));
  const records = contents.map((content, i) => {
    const chain = chains[i];
    const head = next.get(chain);
    if (!head) throw new Error(`no head for chain ${chain}`);
    const fields: AuditRecordFields = { ...content, seq: chainedSeq(tick++, chain), chain, chainSeq: head.chainSeq + 1, prevHash: head.hash };
    const record = { ...fields, hash: recordHash(head.hash, fields) };
    next.set(chain, { chainSeq: record.chainSeq!, seq: record.seq, hash: record.hash });
    return record;
  });
  return { records, heads: next };
}

/** Positions and links as one segment or chain numbers them. */
export interface LinkView<T> {
  position: (record: T) => number;
  computedHash: (record: T) => string;
  /** A problem of the record on its own (wrong chain, seq order), checked after its hash. */
  check?: (record: T, previous: T | null) => { reason: ChainBreakReason; detail: string } | null;
}

export type LinkVerdict =
  | { ok: true; checked: number; head: ChainPosition }
  | { ok: false; checked: number; position: number; reason: ChainBreakReason; detail: string; head: ChainPosition };

/**
 * Checks records in position order, continuing from `from` (a genesis, or where the previous batch
 * ended). The first broken record is named; later ones are not looked at.
 */
export function verifyLinks<T extends { prevHash: string; hash: string }>(
  records: Iterable<T>,
  view: LinkView<T>,
  from: ChainPosition,
  previous: T | null = null,
): LinkVerdict & { last: T | null } {
  let head = from;
  let checked = 0;
  let last = previous;
  for (const record of records) {
    const position = view.position(record);
    const broken = (reason: ChainBreakReason, detail: string) => ({ ok: false as const, checked, position, reason, detail, head, last });
    if (position !== head.position + 1) return broken('seq gap', `expected #${head.position + 1}, found #${position}`);
    if (record.prevHash !== head.hash) return broken('prev_hash link broken', `prev_hash does not match the hash of #${head.position}`);
    if (view.computedHash(record) !== record.hash) return broken('hash mismatch', `the stored hash does not match the record's content`);
    const problem = view.check?.(record, last);
    if (problem) return broken(problem.reason, problem.detail);
    head = { position, hash: record.hash };
    last = record;
    checked++;
  }
  return { ok: true, checked, head, last };
}

/** The legacy segment: positions are seqs, hashed in the legacy form. */
export const LEGACY_VIEW: LinkView<ChainedRecord> = {
  position: (r) => Number(r.seq),
  computedHash: (r) => recordHash(r.prevHash, r),
  check: (r) => (r.chain === null || r.chain === undefined ? null : { reason: 'wrong chain', detail: `record #${r.seq} of the legacy segment names chain ${r.chain}` }),
};

/** One chain: positions are chain_seqs; each record belongs to it by its key and seq, and seqs rise along it. */
export function chainView(chain: number): LinkView<ChainedRecord> {
  return {
    position: (r) => Number(r.chainSeq),
    computedHash: (r) => recordHash(r.prevHash, r),
    check: (r, previous) => {
      if (Number(r.chain) !== chain || Number(r.seq) % AUDIT_CHAIN_COUNT !== chain || chainOf(chainKey(r)) !== chain) {
        return { reason: 'wrong chain', detail: `record #${r.chainSeq} (seq ${r.seq}) does not belong to chain ${chain}` };
      }
      if (previous && Number(r.seq) <= Number(previous.seq)) return { reason: 'seq out of order', detail: `seq ${r.seq} does not follow seq ${previous.seq}` };
      return null;
    },
  };
}

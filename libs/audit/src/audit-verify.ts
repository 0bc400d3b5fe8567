import { anchorHash, parseAnchorHeads, type StoredAnchor } from './audit-anchor';
import {
  chainGenesisHash,
  chainView,
  GENESIS_HASH,
  LEGACY_VIEW,
  verifyLinks,
  type ChainBreak,
  type ChainedRecord,
  type ChainPosition,
  type ChainVerdict,
  type LinkVerdict,
  type LinkView,
} from './audit-chain';

/** Reads what the verifier walks, a batch at a time, each in position order. */
export interface AuditStore {
  /** Every chain's head row: [chain, chain_seq, hash], by chain. */
  chainHeads(): Promise<Array<[number, number, string]>>;
  anchorHead(): Promise<ChainPosition>;
  anchors(afterSeq: number, limit: number): Promise<StoredAnchor[]>;
  /** Legacy records with afterSeq < seq <= throughSeq. */
  legacyRecords(afterSeq: number, limit: number, throughSeq: number): Promise<ChainedRecord[]>;
  /** The seq of a legacy record past `seq`, if there is one. */
  legacyAfter(seq: number): Promise<number | null>;
  chainRecords(chain: number, afterChainSeq: number, limit: number): Promise<ChainedRecord[]>;
  /** A record neither the legacy segment nor any of these chains holds (which no walk would meet), if there is one. */
  strayRecord(chains: number[]): Promise<ChainedRecord | null>;
}

type Checkpoints = Map<number, { hash: string; by: 'head row' | 'anchor' }>;

const ANCHOR_VIEW: LinkView<StoredAnchor> = { position: (a) => Number(a.seq), computedHash: (a) => anchorHash(a.prevHash, a) };

/**
 * Verifies the anchor chain, the legacy segment against the seal in anchor #1, and every chain from its
 * genesis: each must reach and match both what the newest anchor sealed and its head row (read first,
 * so records appended meanwhile are checked too). Names the first break it finds.
 */
export async function verifyAuditTrail(store: AuditStore, batchSize = 5000): Promise<ChainVerdict> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const heads = await store.chainHeads();
  const anchorHead = await store.anchorHead();
  let checked = 0;
  let anchorCount = 0;
  const fail = (found: ChainBreak): ChainVerdict => ({ ok: false, checked, anchors: anchorCount, ...found });

  // 1. The anchors, each sealing every chain's head; a chain's sealed head never goes back.
  let legacy: { seq: number; hash: string } | undefined;
  const sealed = new Map<number, { position: number; hash: string; anchor: number }>();
  const anchorWalk = await walk(
    (after, limit) => store.anchors(after, limit),
    batchSize,
    ANCHOR_VIEW,
    { position: 0, hash: GENESIS_HASH },
    toCheckpoints(anchorHead),
    (anchor) => {
      const content = parseAnchorHeads(anchor.heads);
      const seq = Number(anchor.seq);
      if (!content) return { reason: 'anchor mismatch', detail: `anchor #${seq} does not hold chain heads` };
      if (seq === 1) legacy = content.legacy;
      for (const [chain, position, hash] of content.chains) {
        const before = sealed.get(chain);
        if (before && position < before.position) return { reason: 'anchor mismatch', detail: `anchor #${seq} seals chain ${chain} at #${position}, behind #${before.position} of anchor #${before.anchor}` };
        sealed.set(chain, { position, hash, anchor: seq });
      }
      return null;
    },
  );
  anchorCount = anchorWalk.checked;
  if (!anchorWalk.ok) return fail({ segment: 'anchors', chain: null, ...anchorWalk.found });
  if (!legacy) return fail({ segment: 'anchors', chain: null, position: 1, reason: 'anchor mismatch', detail: 'anchor #1, which seals the legacy segment, is missing or does not name it' });

  // 2. The single chain from before the split: sealed, it must end exactly where anchor #1 says.
  const sealedEnd = legacy;
  const legacyWalk = await walk((after, limit) => store.legacyRecords(after, limit, sealedEnd.seq), batchSize, LEGACY_VIEW, { position: 0, hash: GENESIS_HASH }, toCheckpoints({ position: sealedEnd.seq, hash: sealedEnd.hash }, 'anchor'));
  checked += legacyWalk.checked;
  if (!legacyWalk.ok) return fail({ segment: 'legacy', chain: null, ...legacyWalk.found });
  const past = await store.legacyAfter(legacy.seq);
  if (past !== null) return fail({ segment: 'legacy', chain: null, position: past, reason: 'anchor mismatch', detail: `the legacy segment goes on past #${legacy.seq}, where anchor #1 sealed it` });

  // 3. Every chain, from a genesis that names the legacy segment's end.
  const chainIds = new Set([...heads.map(([chain]) => chain), ...sealed.keys()]);
  for (const chain of [...chainIds].sort((a, b) => a - b)) {
    const head = heads.find(([c]) => c === chain);
    const anchored = sealed.get(chain);
    if (!head || !anchored) {
      const detail = head ? `no anchor seals chain ${chain}` : `chain ${chain} is sealed by anchor #${anchored!.anchor} but has no head row`;
      return fail({ segment: 'chain', chain, position: 0, reason: head ? 'anchor mismatch' : 'chain head mismatch', detail });
    }
    const checkpoints = toCheckpoints({ position: anchored.position, hash: anchored.hash }, 'anchor');
    const fromHead = toCheckpoints({ position: head[1], hash: head[2] });
    for (const [position, point] of fromHead) {
      const other = checkpoints.get(position);
      if (other && other.hash !== point.hash) return fail({ segment: 'chain', chain, position, reason: 'chain head mismatch', detail: `the head row and anchor #${anchored.anchor} disagree on #${position}` });
      checkpoints.set(position, point);
    }
    const genesis = { position: 0, hash: chainGenesisHash(chain, legacy) };
    const chainWalk = await walk((after, limit) => store.chainRecords(chain, after, limit), batchSize, chainView(chain), genesis, checkpoints);
    checked += chainWalk.checked;
    if (!chainWalk.ok) return fail({ segment: 'chain', chain, ...chainWalk.found });
  }
  const stray = await store.strayRecord([...chainIds]);
  if (stray) return fail({ segment: 'chain', chain: stray.chain, position: Number(stray.chainSeq ?? 0), reason: 'wrong chain', detail: `seq ${stray.seq} is in no chain that has a head row` });
  return { ok: true, checked, anchors: anchorCount };
}

function toCheckpoints(point: ChainPosition, by: 'head row' | 'anchor' = 'head row'): Checkpoints {
  return new Map([[point.position, { hash: point.hash, by }]]);
}

type WalkResult = { ok: true; checked: number; head: ChainPosition } | { ok: false; checked: number; found: Omit<ChainBreak, 'segment' | 'chain'> };

/**
 * Walks one segment batch by batch from `from`. Each checkpoint (a head row, a sealed head) must be
 * reached and carry its hash: deleting the newest records, or cutting a tail an anchor sealed, shows.
 */
async function walk<T extends { prevHash: string; hash: string }>(
  read: (afterPosition: number, limit: number) => Promise<T[]>,
  batchSize: number,
  view: LinkView<T>,
  from: ChainPosition,
  checkpoints: Checkpoints,
  inspect?: (record: T) => { reason: 'anchor mismatch'; detail: string } | null,
): Promise<WalkResult> {
  const mismatch = (position: number, hash: string) => {
    const point = checkpoints.get(position);
    if (!point || point.hash === hash) return null;
    return { position, reason: reasonOf(point.by), detail: `#${position} does not carry the hash its ${point.by} recorded` };
  };
  const atGenesis = mismatch(from.position, from.hash);
  if (atGenesis) return { ok: false, checked: 0, found: atGenesis };
  let head = from;
  let last: T | null = null;
  let checked = 0;
  for (;;) {
    const batch = await read(head.position, batchSize);
    const verdict: LinkVerdict & { last: T | null } = verifyLinks(batch, view, head, last);
    // The intact prefix first, in order: a record re-hashed to fit its links still differs from its checkpoint.
    for (let i = 0; i < verdict.checked; i++) {
      const record = batch[i];
      const position = view.position(record);
      const broken = mismatch(position, record.hash) ?? inspect?.(record);
      if (broken) return { ok: false, checked: checked + i, found: { position, reason: broken.reason, detail: broken.detail } };
    }
    checked += verdict.checked;
    if (!verdict.ok) return { ok: false, checked, found: { position: verdict.position, reason: verdict.reason, detail: verdict.detail } };
    head = verdict.head;
    last = verdict.last;
    if (batch.length < batchSize) break;
  }
  const furthest = Math.max(...checkpoints.keys());
  if (head.position < furthest) {
    const point = checkpoints.get(furthest)!;
    return { ok: false, checked, found: { position: head.position + 1, reason: reasonOf(point.by), detail: `records #${head.position + 1}..#${furthest} are missing (the ${point.by} names #${furthest})` } };
  }
  return { ok: true, checked, head };
}

const reasonOf = (by: 'head row' | 'anchor') => (by === 'anchor' ? ('anchor mismatch' as const) : ('chain head mismatch' as const));

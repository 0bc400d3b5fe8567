import { anchorHash, type AnchorHeads, type StoredAnchor } from './audit-anchor';
import {
  AUDIT_CHAIN_COUNT,
  chainGenesisHash,
  chainKey,
  chainOf,
  chainRecords,
  GENESIS_HASH,
  recordHash,
  type AuditRecordFields,
  type ChainedRecord,
  type ChainHead,
  type ChainPosition,
  type RecordContent,
} from './audit-chain';
import { verifyAuditTrail, type AuditStore } from './audit-verify';

const NOW = Date.UTC(2026, 11, 3, 8, 0, 0);
const caseId = (i: number) => `${i.toString(16).padStart(8, '0')}-2222-4222-8222-222222222222`;
const entry = (i: number, kase = caseId(i % 5)): RecordContent => ({
  occurredAt: new Date(NOW + i * 1000),
  actorUserId: 3,
  actorRole: 'HANDLER',
  actorOrgId: 5,
  action: 'case.accept',
  caseId: kase,
  subject: null,
  beforeState: null,
  afterState: JSON.stringify({ n: i }),
  dedupeKey: `k-${i}`,
});

/** The stored trail in memory: a legacy segment sealed by anchor #1 as the migration does, chains, anchors. */
class MemoryTrail implements AuditStore {
  legacy: ChainedRecord[] = [];
  chained: ChainedRecord[] = [];
  heads = new Map<number, ChainHead>();
  anchorList: StoredAnchor[] = [];
  anchorTop: ChainPosition = { position: 0, hash: GENESIS_HASH };
  reads = 0;

  constructor(legacyCount: number) {
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= legacyCount; seq++) {
      const fields: AuditRecordFields = { ...entry(1000 + seq), seq, chain: null, chainSeq: null, prevHash };
      prevHash = recordHash(prevHash, fields);
      this.legacy.push({ ...fields, hash: prevHash });
    }
    const end = { seq: legacyCount, hash: prevHash };
    for (let chain = 0; chain < AUDIT_CHAIN_COUNT; chain++) this.heads.set(chain, { chainSeq: 0, seq: 0, hash: chainGenesisHash(chain, end) });
    this.seal(end);
  }

  append(contents: RecordContent[], nowMs = NOW): ChainedRecord[] {
    const placed = chainRecords(contents, this.heads, nowMs);
    this.chained.push(...placed.records);
    this.heads = placed.heads;
    return placed.records;
  }

  seal(legacy?: { seq: number; hash: string }): StoredAnchor {
    const heads: AnchorHeads = { ...(legacy ? { legacy } : {}), chains: [...this.heads].sort(([a], [b]) => a - b).map(([chain, h]) => [chain, h.chainSeq, h.hash]) };
    const fields = { seq: this.anchorTop.position + 1, sealedAt: new Date(NOW + this.anchorList.length * 60_000), heads: JSON.stringify(heads), prevHash: this.anchorTop.hash };
    const anchor = { ...fields, hash: anchorHash(fields.prevHash, fields) };
    this.anchorList.push(anchor);
    this.anchorTop = { position: anchor.seq, hash: anchor.hash };
    return anchor;
  }

  /** Replaces a record (found by seq) with a changed copy. */
  edit(seq: number, change: Partial<ChainedRecord>, rehash = false): ChainedRecord {
    const list = this.chained.some((r) => r.seq === seq) ? this.chained : this.legacy;
    const i = list.findIndex((r) => r.seq === seq);
    const changed = { ...list[i], ...change };
    list[i] = rehash ? { ...changed, hash: recordHash(changed.prevHash, changed) } : changed;
    return list[i];
  }

  ofChain(chain: number): ChainedRecord[] {
    return this.chained.filter((r) => r.chain === chain).sort((a, b) => a.chainSeq! - b.chainSeq!);
  }

  async chainHeads(): Promise<Array<[number, number, string]>> {
    return [...this.heads].sort(([a], [b]) => a - b).map(([chain, h]) => [chain, h.chainSeq, h.hash]);
  }
  async anchorHead() {
    return this.anchorTop;
  }
  async anchors(afterSeq: number, limit: number) {
    this.reads++;
    return this.anchorList.filter((a) => a.seq > afterSeq).sort((a, b) => a.seq - b.seq).slice(0, limit);
  }
  async legacyRecords(afterSeq: number, limit: number, throughSeq: number) {
    this.reads++;
    return this.legacy.filter((r) => r.seq > afterSeq && r.seq <= throughSeq && r.chain === null).sort((a, b) => a.seq - b.seq).slice(0, limit);
  }
  async legacyAfter(seq: number) {
    return this.legacy.find((r) => r.seq > seq && r.chain === null)?.seq ?? null;
  }
  async chainRecords(chain: number, after: number, limit: number) {
    this.reads++;
    return this.ofChain(chain).filter((r) => r.chainSeq! > after).slice(0, limit);
  }
  async strayRecord(chains: number[]) {
    return this.chained.find((r) => r.chain === null || !chains.includes(r.chain)) ?? null;
  }
}

/** A trail with 4 legacy records, 12 chained ones over 5 cases, an anchor over them and 3 more appended since. */
function busyTrail(): { trail: MemoryTrail; chain: number; own: () => ChainedRecord[] } {
  const trail = new MemoryTrail(4);
  trail.append(Array.from({ length: 12 }, (_, i) => entry(i)));
  trail.seal();
  trail.append([entry(20), entry(21), entry(22)], NOW + 5000);
  const chain = chainOf(chainKey({ caseId: caseId(0), action: 'x' }));
  return { trail, chain, own: () => trail.ofChain(chain) };
}

describe('verifyAuditTrail', () => {
  it.each([1, 3, 5000])('passes an intact trail in batches of %d, every record and anchor counted', async (batchSize) => {
    const { trail } = busyTrail();
    await expect(verifyAuditTrail(trail, batchSize)).resolves.toEqual({ ok: true, checked: 4 + 12 + 3, anchors: 2 });
  });

  it('passes a fresh trail: no legacy records, only the genesis anchor', async () => {
    await expect(verifyAuditTrail(new MemoryTrail(0))).resolves.toEqual({ ok: true, checked: 0, anchors: 1 });
  });

  it("names a changed record of a chain, by its chain and position", async () => {
    const { trail, chain, own } = busyTrail();
    trail.edit(own()[1].seq, { afterState: '{"n":"forged"}' });
    await expect(verifyAuditTrail(trail, 2)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position: 2, reason: 'hash mismatch' });
  });

  it('names a changed and re-hashed record sealed by an anchor, even when every later record is re-linked too', async () => {
    const { trail, chain, own } = busyTrail();
    // Re-hash the whole chain from #1 on, and its head row: only the anchor still knows the old hashes.
    let prevHash = own()[0].prevHash;
    for (const [i, record] of own().entries()) prevHash = trail.edit(record.seq, { prevHash, ...(i === 0 ? { actorUserId: 99 } : {}) }, true).hash;
    const last = own().at(-1)!;
    trail.heads.set(chain, { chainSeq: last.chainSeq!, seq: last.seq, hash: last.hash });
    const sealedAt = JSON.parse(trail.anchorList[1].heads).chains.find(([c]: number[]) => c === chain)[1];
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position: sealedAt, reason: 'anchor mismatch' });
  });

  it('names the record after a deleted one as a gap', async () => {
    const { trail, chain, own } = busyTrail();
    const [, second] = own();
    trail.chained = trail.chained.filter((r) => r !== second);
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position: 3, reason: 'seq gap' });
  });

  it('names two records that swapped places in their chain', async () => {
    const { trail, chain, own } = busyTrail();
    const [, second, third] = own();
    trail.edit(second.seq, { chainSeq: 3 });
    trail.edit(third.seq, { chainSeq: 2 });
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position: 2, reason: 'prev_hash link broken' });
  });

  it("names a chain's tail cut after an anchor sealed it, even with its head row set back", async () => {
    const { trail, chain, own } = busyTrail();
    const records = own();
    const keep = records.slice(0, 1);
    trail.chained = trail.chained.filter((r) => r.chain !== chain || keep.includes(r));
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position: 2, reason: 'chain head mismatch' });
    trail.heads.set(chain, { chainSeq: 1, seq: keep[0].seq, hash: keep[0].hash });
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position: 2, reason: 'anchor mismatch', detail: expect.stringContaining('missing') });
  });

  it('names the newest records deleted since the last anchor against the head row', async () => {
    const { trail } = busyTrail();
    const newest = trail.chained.at(-1)!;
    trail.chained.pop();
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'chain', chain: newest.chain, position: newest.chainSeq, reason: 'chain head mismatch' });
  });

  it('names a changed anchor, a changed and re-hashed one, and a deleted newest one', async () => {
    const edited = busyTrail().trail;
    edited.anchorList[1] = { ...edited.anchorList[1], heads: edited.anchorList[1].heads.replace('"chains":[[0,', '"chains":[[0,1') };
    await expect(verifyAuditTrail(edited)).resolves.toMatchObject({ ok: false, segment: 'anchors', chain: null, position: 2, reason: 'hash mismatch' });

    // Re-hashed, head row too: the anchor now seals hashes the chain does not have.
    const { trail: rehashed, chain, own } = busyTrail();
    const sealed = JSON.parse(rehashed.anchorList[1].heads) as AnchorHeads;
    const forged = { ...rehashed.anchorList[1], heads: JSON.stringify({ chains: sealed.chains.map(([c, p, h]) => [c, p, c === chain ? 'f'.repeat(64) : h]) }) };
    rehashed.anchorList[1] = { ...forged, hash: anchorHash(forged.prevHash, forged) };
    rehashed.anchorTop = { position: 2, hash: rehashed.anchorList[1].hash };
    const position = sealed.chains.find(([c]) => c === chain)![1];
    expect(own().length).toBeGreaterThan(position);
    await expect(verifyAuditTrail(rehashed)).resolves.toMatchObject({ ok: false, segment: 'chain', chain, position, reason: 'anchor mismatch' });

    const deleted = busyTrail().trail;
    deleted.anchorList.pop();
    await expect(verifyAuditTrail(deleted)).resolves.toMatchObject({ ok: false, segment: 'anchors', position: 2, reason: 'chain head mismatch' });
  });

  it('names an anchor that seals a chain behind an earlier anchor', async () => {
    const { trail, chain } = busyTrail();
    trail.heads.set(chain, { ...trail.heads.get(chain)!, chainSeq: 0 });
    trail.seal();
    await expect(verifyAuditTrail(trail)).resolves.toMatchObject({ ok: false, segment: 'anchors', position: 3, reason: 'anchor mismatch', detail: expect.stringContaining('behind') });
  });

  it('names a changed legacy record, a cut legacy tail and a legacy record added after the seal', async () => {
    const changed = busyTrail().trail;
    changed.edit(2, { actorRole: 'ADMIN' });
    await expect(verifyAuditTrail(changed)).resolves.toMatchObject({ ok: false, segment: 'legacy', chain: null, position: 2, reason: 'hash mismatch' });

    const cut = busyTrail().trail;
    cut.legacy.pop();
    await expect(verifyAuditTrail(cut)).resolves.toMatchObject({ ok: false, segment: 'legacy', position: 4, reason: 'anchor mismatch' });

    const extended = busyTrail().trail;
    const fields: AuditRecordFields = { ...entry(99), seq: 5, chain: null, chainSeq: null, prevHash: extended.legacy[3].hash };
    extended.legacy.push({ ...fields, hash: recordHash(fields.prevHash, fields) });
    await expect(verifyAuditTrail(extended)).resolves.toMatchObject({ ok: false, segment: 'legacy', position: 5, reason: 'anchor mismatch', detail: expect.stringContaining('past #4') });
  });

  it('names a trail without the genesis anchor, and a record in a chain that has no head row', async () => {
    const unsealed = busyTrail().trail;
    unsealed.anchorList = [];
    unsealed.anchorTop = { position: 0, hash: GENESIS_HASH };
    await expect(verifyAuditTrail(unsealed)).resolves.toMatchObject({ ok: false, segment: 'anchors', position: 1, reason: 'anchor mismatch' });

    const stray = busyTrail().trail;
    stray.chained.push({ ...stray.chained[0], seq: stray.chained[0].seq + 1, chain: AUDIT_CHAIN_COUNT + 3 });
    await expect(verifyAuditTrail(stray)).resolves.toMatchObject({ ok: false, segment: 'chain', chain: AUDIT_CHAIN_COUNT + 3, reason: 'wrong chain' });
  });

  it('refuses a batch size that is not a positive integer', async () => {
    await expect(verifyAuditTrail(new MemoryTrail(0), 0)).rejects.toThrow(RangeError);
  });
});

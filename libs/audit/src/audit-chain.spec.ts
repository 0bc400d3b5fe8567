import {
  AUDIT_CHAIN_COUNT,
  canonicalRecord,
  chainedSeq,
  chainGenesisHash,
  chainKey,
  chainOf,
  chainRecords,
  chainView,
  GENESIS_HASH,
  LEGACY_VIEW,
  recordHash,
  SEQ_TICKS_PER_MS,
  tickOf,
  verifyLinks,
  type AuditRecordFields,
  type ChainedRecord,
  type ChainHead,
  type RecordContent,
} from './audit-chain';

const CASE = '7d0f8a52-3c1e-4b7a-9a2b-0c4d5e6f7a8b';
const NOW = Date.UTC(2026, 11, 3, 8, 0, 0);

const content = (i: number, caseId: string | null = CASE): RecordContent => ({
  occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, i % 60, 123)),
  actorUserId: i % 3 === 0 ? null : 10 + i,
  actorRole: i % 3 === 0 ? null : 'HANDLER',
  actorOrgId: i % 3 === 0 ? null : 5,
  action: i % 2 ? 'case.accept' : 'pii.reveal',
  caseId,
  subject: caseId ? null : `sla_policy:${i}`,
  beforeState: i % 2 ? JSON.stringify({ stage: 'SUBMITTED' }) : null,
  afterState: JSON.stringify({ stage: 'ACCEPTED', note: `第${i}条` }),
  dedupeKey: `k-${i}`,
});

/** A correctly linked legacy segment #1..#n, as the single chain wrote it. */
function legacy(n: number): ChainedRecord[] {
  const records: ChainedRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: AuditRecordFields = { ...content(seq), seq, chain: null, chainSeq: null, prevHash };
    records.push({ ...fields, hash: recordHash(prevHash, fields) });
    prevHash = records[seq - 1].hash;
  }
  return records;
}

const genesisHeads = (legacyEnd = { seq: 0, hash: GENESIS_HASH }) =>
  new Map(Array.from({ length: AUDIT_CHAIN_COUNT }, (_, chain): [number, ChainHead] => [chain, { chainSeq: 0, seq: 0, hash: chainGenesisHash(chain, legacyEnd) }]));

describe('canonicalRecord and recordHash', () => {
  const legacyFields: AuditRecordFields = { ...content(1), seq: 1, chain: null, chainSeq: null, prevHash: GENESIS_HASH };

  it('keeps the legacy form (no chain fields) for records from before the split', () => {
    expect(canonicalRecord(legacyFields)).toBe(
      JSON.stringify({
        seq: 1,
        occurredAt: '2026-11-22T08:00:01.123Z',
        actorUserId: 11,
        actorRole: 'HANDLER',
        actorOrgId: 5,
        action: 'case.accept',
        caseId: CASE,
        subject: null,
        beforeState: '{"stage":"SUBMITTED"}',
        afterState: '{"stage":"ACCEPTED","note":"第1条"}',
        dedupeKey: 'k-1',
        prevHash: GENESIS_HASH,
      }),
    );
  });

  it('covers the chain and the position of a chained record, right after seq', () => {
    const fields = { ...legacyFields, seq: 1234567, chain: 7, chainSeq: 3 };
    expect(Object.keys(JSON.parse(canonicalRecord(fields))).slice(0, 4)).toEqual(['seq', 'chain', 'chainSeq', 'occurredAt']);
    const hash = recordHash(GENESIS_HASH, fields);
    for (const change of [{ chain: 8 }, { chainSeq: 4 }, { seq: 1234568 }, { afterState: '{}' }, { occurredAt: new Date(0) }, { dedupeKey: null }]) {
      expect(recordHash(GENESIS_HASH, { ...fields, ...change })).not.toBe(hash);
    }
    expect(recordHash('f'.repeat(64), fields)).not.toBe(hash);
  });

  it('does not depend on property order, on how numbers and the instant arrive, or on undefined versus null', () => {
    const fields = { ...legacyFields, seq: 1234567, chain: 7, chainSeq: 3 };
    const shuffled = Object.fromEntries(Object.entries(fields).reverse()) as unknown as AuditRecordFields;
    const asStored = { ...fields, seq: '1234567', chainSeq: '3', occurredAt: '2026-11-22T08:00:01.123Z', subject: undefined } as unknown as AuditRecordFields;
    expect(canonicalRecord(shuffled)).toBe(canonicalRecord(fields));
    expect(canonicalRecord(asStored)).toBe(canonicalRecord(fields));
  });
});

describe('choosing a chain', () => {
  it("puts a case's records in one chain whatever else they name, and others by subject, else action", () => {
    const ofCase = chainOf(chainKey({ caseId: CASE, subject: 'referral:1', action: 'referral.CREATED' }));
    expect(chainOf(chainKey({ caseId: CASE.toUpperCase(), subject: null, action: 'case.accept' }))).toBe(ofCase);
    expect(chainKey({ caseId: null, subject: 'user:12', action: 'user.UPDATED' })).toBe('subject:user:12');
    expect(chainKey({ action: 'calendar.PUBLISHED' })).toBe('action:calendar.PUBLISHED');
  });

  it('spreads cases over every chain', () => {
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => chainOf(`case:${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`)));
    expect(seen.size).toBe(AUDIT_CHAIN_COUNT);
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(AUDIT_CHAIN_COUNT - 1);
  });

  it("starts each chain from a genesis of its own that names the legacy segment's end", () => {
    const end = { seq: 5, hash: 'a'.repeat(64) };
    expect(chainGenesisHash(3, end)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainGenesisHash(3, end)).not.toBe(chainGenesisHash(4, end));
    expect(chainGenesisHash(3, end)).not.toBe(chainGenesisHash(3, { ...end, seq: 4 }));
    expect(chainGenesisHash(3, end)).not.toBe(chainGenesisHash(3, { ...end, hash: 'b'.repeat(64) }));
  });
});

describe('chainRecords', () => {
  const otherCase = (() => {
    for (let i = 0; ; i++) {
      const id = `${i.toString(16).padStart(8, '0')}-1111-4111-8111-111111111111`;
      if (chainOf(chainKey({ caseId: id, action: 'x' })) !== chainOf(chainKey({ caseId: CASE, action: 'x' }))) return id;
    }
  })();

  it('numbers each chain without gaps, links it, and gives seqs in call order from the clock, the chain in the low part', () => {
    const { records, heads } = chainRecords([content(1), content(2, otherCase), content(3)], genesisHeads(), NOW);
    const [a, b, c] = records;
    expect(a.chain).toBe(c.chain);
    expect(b.chain).not.toBe(a.chain);
    expect([a.chainSeq, b.chainSeq, c.chainSeq]).toEqual([1, 1, 2]);
    expect(c.prevHash).toBe(a.hash);
    expect(a.prevHash).toBe(chainGenesisHash(a.chain!, { seq: 0, hash: GENESIS_HASH }));
    expect(records.map((r) => r.seq)).toEqual([chainedSeq(NOW * SEQ_TICKS_PER_MS, a.chain!), chainedSeq(NOW * SEQ_TICKS_PER_MS + 1, b.chain!), chainedSeq(NOW * SEQ_TICKS_PER_MS + 2, c.chain!)]);
    expect(records.every((r) => r.seq % AUDIT_CHAIN_COUNT === r.chain && tickOf(r.seq) >= NOW * SEQ_TICKS_PER_MS)).toBe(true);
    expect(heads.get(a.chain!)).toEqual({ chainSeq: 2, seq: c.seq, hash: c.hash });
    expect(Number.isSafeInteger(c.seq)).toBe(true);
  });

  it('keeps seqs rising along a chain when the clock goes back', () => {
    const first = chainRecords([content(1), content(2)], genesisHeads(), NOW);
    const second = chainRecords([content(3)], first.heads, NOW - 60_000);
    expect(second.records[0].seq).toBeGreaterThan(first.records[1].seq);
    expect(second.records[0].chainSeq).toBe(3);
  });
});

describe('verifyLinks', () => {
  const chained = (n: number) => chainRecords(Array.from({ length: n }, (_, i) => content(i + 1)), genesisHeads(), NOW).records;
  const chain = chainOf(chainKey({ caseId: CASE, action: 'x' }));
  const genesis = { position: 0, hash: chainGenesisHash(chain, { seq: 0, hash: GENESIS_HASH }) };

  it('passes an intact legacy segment, an intact chain and empty ones', () => {
    expect(verifyLinks(legacy(5), LEGACY_VIEW, { position: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, checked: 5, head: { position: 5 } });
    expect(verifyLinks(chained(5), chainView(chain), genesis)).toMatchObject({ ok: true, checked: 5, head: { position: 5 } });
    expect(verifyLinks([], chainView(chain), genesis)).toMatchObject({ ok: true, checked: 0, head: genesis });
  });

  it('names an edited record as a hash mismatch, and the one after an edited and re-hashed record as a broken link', () => {
    const edited = chained(5);
    edited[2] = { ...edited[2], afterState: '{"stage":"CLOSED"}' };
    expect(verifyLinks(edited, chainView(chain), genesis)).toMatchObject({ ok: false, position: 3, reason: 'hash mismatch', checked: 2 });
    const rehashed = chained(5);
    const changed = { ...rehashed[1], actorUserId: 99 };
    rehashed[1] = { ...changed, hash: recordHash(changed.prevHash, changed) };
    expect(verifyLinks(rehashed, chainView(chain), genesis)).toMatchObject({ ok: false, position: 3, reason: 'prev_hash link broken' });
  });

  it('names the record after a deleted one as a gap, and two swapped records', () => {
    const deleted = chained(5);
    deleted.splice(1, 1);
    expect(verifyLinks(deleted, chainView(chain), genesis)).toMatchObject({ ok: false, position: 3, reason: 'seq gap', checked: 1 });
    const swapped = chained(5);
    [swapped[1], swapped[2]] = [{ ...swapped[2], chainSeq: 2 }, { ...swapped[1], chainSeq: 3 }];
    expect(verifyLinks(swapped, chainView(chain), genesis)).toMatchObject({ ok: false, position: 2, reason: 'prev_hash link broken' });
  });

  it('names a record that does not belong to the chain it is in, and seqs that go back', () => {
    const records = chained(3);
    expect(verifyLinks(records, chainView((chain + 1) % AUDIT_CHAIN_COUNT), genesis)).toMatchObject({ ok: false, position: 1, reason: 'wrong chain' });
    const back = chained(3);
    const late = { ...back[2], seq: back[0].seq - AUDIT_CHAIN_COUNT };
    back[2] = { ...late, hash: recordHash(late.prevHash, late) };
    expect(verifyLinks(back, chainView(chain), genesis)).toMatchObject({ ok: false, position: 3, reason: 'seq out of order' });
  });

  it('continues from where a previous batch ended', () => {
    const records = chained(6);
    const first = verifyLinks(records.slice(0, 3), chainView(chain), genesis);
    expect(verifyLinks(records.slice(3), chainView(chain), first.head, first.last)).toMatchObject({ ok: true, checked: 3, head: { position: 6, hash: records[5].hash } });
    expect(verifyLinks(records.slice(4), chainView(chain), first.head, first.last)).toMatchObject({ ok: false, position: 5, reason: 'seq gap' });
  });
});

import {
  canonicalRecord,
  GENESIS_HASH,
  recordHash,
  verifyChain,
  verifyChainInBatches,
  type AuditRecordFields,
  type ChainedRecord,
} from './audit-chain';

type Content = Omit<AuditRecordFields, 'seq' | 'prevHash'>;

const content = (i: number): Content => ({
  occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, i, 123)),
  actorUserId: i % 3 === 0 ? null : 10 + i,
  actorRole: i % 3 === 0 ? null : 'HANDLER',
  actorOrgId: i % 3 === 0 ? null : 5,
  action: i % 2 ? 'case.accept' : 'pii.reveal',
  caseId: i % 3 === 0 ? null : '7d0f8a52-3c1e-4b7a-9a2b-0c4d5e6f7a8b',
  subject: i % 3 === 0 ? `sla_policy:${i}` : null,
  beforeState: i % 2 ? JSON.stringify({ stage: 'SUBMITTED' }) : null,
  afterState: JSON.stringify({ stage: 'ACCEPTED', note: `第${i}条` }),
  dedupeKey: `k-${i}`,
});

/** A correctly chained sequence #1..#n. */
function chain(n: number): ChainedRecord[] {
  const records: ChainedRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: AuditRecordFields = { ...content(seq), seq, prevHash };
    const hash = recordHash(prevHash, fields);
    records.push({ ...fields, hash });
    prevHash = hash;
  }
  return records;
}

const reader = (records: ChainedRecord[]) => {
  const reads: Array<[number, number]> = [];
  const read = async (afterSeq: number, limit: number) => {
    reads.push([afterSeq, limit]);
    return records.filter((r) => r.seq > afterSeq).slice(0, limit);
  };
  return { read, reads };
};

describe('canonicalRecord and recordHash', () => {
  const fields: AuditRecordFields = { ...content(1), seq: 1, prevHash: GENESIS_HASH };

  it('covers every field except the hash, in a fixed order, with the instant as an ISO string', () => {
    expect(JSON.parse(canonicalRecord(fields))).toEqual({
      seq: 1,
      occurredAt: '2026-11-22T08:00:01.123Z',
      actorUserId: 11,
      actorRole: 'HANDLER',
      actorOrgId: 5,
      action: 'case.accept',
      caseId: '7d0f8a52-3c1e-4b7a-9a2b-0c4d5e6f7a8b',
      subject: null,
      beforeState: '{"stage":"SUBMITTED"}',
      afterState: '{"stage":"ACCEPTED","note":"第1条"}',
      dedupeKey: 'k-1',
      prevHash: GENESIS_HASH,
    });
    expect(canonicalRecord({ ...fields, hash: 'ignored' } as AuditRecordFields)).toBe(canonicalRecord(fields));
  });

  it('does not depend on property order, on how seq and the instant arrive, or on undefined versus null', () => {
    const shuffled = Object.fromEntries(Object.entries(fields).reverse()) as unknown as AuditRecordFields;
    const asStored = { ...fields, seq: '1' as unknown as number, occurredAt: '2026-11-22T08:00:01.123Z', subject: undefined as unknown as null };
    expect(canonicalRecord(shuffled)).toBe(canonicalRecord(fields));
    expect(canonicalRecord(asStored)).toBe(canonicalRecord(fields));
  });

  it('is the sha256 hex of the previous hash and the canonical form, and changes with any field', () => {
    const hash = recordHash(GENESIS_HASH, fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(recordHash('f'.repeat(64), fields)).not.toBe(hash);
    for (const change of [{ afterState: '{"stage":"REJECTED"}' }, { actorUserId: 12 }, { occurredAt: new Date(0) }, { dedupeKey: null }, { seq: 2 }]) {
      expect(recordHash(GENESIS_HASH, { ...fields, ...change })).not.toBe(hash);
    }
  });
});

describe('verifyChain', () => {
  it('passes an intact chain and an empty one', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, checked: 5, head: { seq: 5 } });
    expect(verifyChain([])).toMatchObject({ ok: true, checked: 0, head: { seq: 0, hash: GENESIS_HASH } });
  });

  it('names an edited record as a hash mismatch', () => {
    const records = chain(5);
    records[2] = { ...records[2], afterState: '{"stage":"CLOSED"}' };
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'hash mismatch', checked: 2 });
  });

  it('names the record after one edited and re-hashed as a broken prev_hash link', () => {
    const records = chain(5);
    const edited = { ...records[1], actorUserId: 99 };
    records[1] = { ...edited, hash: recordHash(edited.prevHash, edited) };
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'prev_hash link broken' });
  });

  it('names the record after a deleted one as a seq gap', () => {
    const records = chain(5);
    records.splice(1, 1);
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'seq gap', checked: 1 });
  });

  it('names a chain that does not start at #1 as a seq gap', () => {
    expect(verifyChain(chain(3).slice(1))).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'seq gap', checked: 0 });
  });

  it('continues from where a previous batch ended', () => {
    const records = chain(6);
    const first = verifyChain(records.slice(0, 3));
    expect(verifyChain(records.slice(3), first.head)).toMatchObject({ ok: true, checked: 3, head: { seq: 6, hash: records[5].hash } });
    expect(verifyChain(records.slice(4), first.head)).toMatchObject({ ok: false, brokenAtSeq: 5, reason: 'seq gap' });
  });
});

describe('verifyChainInBatches', () => {
  it('reads batch after batch by seq and passes an intact chain', async () => {
    const records = chain(7);
    const { read, reads } = reader(records);
    await expect(verifyChainInBatches(read, { batchSize: 3, anchor: { seq: 7, hash: records[6].hash } })).resolves.toEqual({ ok: true, checked: 7 });
    expect(reads).toEqual([[0, 3], [3, 3], [6, 3]]);
  });

  it('reads once more after a full last batch and passes the empty chain', async () => {
    const { read, reads } = reader(chain(6));
    await expect(verifyChainInBatches(read, { batchSize: 3 })).resolves.toEqual({ ok: true, checked: 6 });
    expect(reads).toEqual([[0, 3], [3, 3], [6, 3]]);
    await expect(verifyChainInBatches(reader([]).read, { batchSize: 3, anchor: { seq: 0, hash: GENESIS_HASH } })).resolves.toEqual({ ok: true, checked: 0 });
  });

  it.each([
    ['hash mismatch', 5, (r: ChainedRecord[]) => void (r[4] = { ...r[4], beforeState: null })],
    ['prev_hash link broken', 7, (r: ChainedRecord[]) => void (r[6] = { ...r[6], prevHash: r[4].hash })],
    ['seq gap', 4, (r: ChainedRecord[]) => void r.splice(2, 1)],
    ['seq gap', 7, (r: ChainedRecord[]) => void r.splice(5, 1)], // the gap at a batch boundary
  ])('finds a %s at #%d across batches', async (reason, brokenAtSeq, tamper) => {
    const records = chain(8);
    tamper(records);
    const verdict = await verifyChainInBatches(reader(records).read, { batchSize: 3 });
    expect(verdict).toMatchObject({ ok: false, reason, brokenAtSeq, checked: brokenAtSeq - 1 - (reason === 'seq gap' ? 1 : 0) });
  });

  it('catches deleted newest records through the head anchor, and a head that the chain does not end in', async () => {
    const records = chain(6);
    const anchor = { seq: 6, hash: records[5].hash };
    await expect(verifyChainInBatches(reader(records.slice(0, 4)).read, { batchSize: 3, anchor })).resolves.toMatchObject({ ok: false, brokenAtSeq: 5, reason: 'chain head mismatch', checked: 4 });
    await expect(verifyChainInBatches(reader(records).read, { batchSize: 4, anchor: { seq: 6, hash: 'a'.repeat(64) } })).resolves.toMatchObject({ ok: false, brokenAtSeq: 6, reason: 'chain head mismatch' });
  });

  it('accepts records appended after the anchor was read', async () => {
    const records = chain(5);
    await expect(verifyChainInBatches(reader(records).read, { batchSize: 2, anchor: { seq: 3, hash: records[2].hash } })).resolves.toEqual({ ok: true, checked: 5 });
  });

  it('refuses a batch size that is not a positive integer', async () => {
    await expect(verifyChainInBatches(reader([]).read, { batchSize: 0 })).rejects.toThrow(RangeError);
  });
});

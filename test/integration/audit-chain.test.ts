import { Test, type TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule, dataSourceOptions } from '@app/database';
import { AUDIT_CHAIN_COUNT, AuditRecordEntity, AuditTrail, chainKey, chainOf, sealAnchor, verifyStoredChain, type AuditEntry, type ChainVerdict } from '@app/audit';
import { AuditController } from '../../apps/api/src/audit/audit.controller';
import { AuditApiModule } from '../../apps/api/src/audit/audit.module';
import { ListAuditQuery } from '../../apps/api/src/audit/list-audit.query';
import type { StaffUser } from '../../apps/api/src/auth/staff-user';

/** The demo seed's `admin`: the central office (organization 1) reaches the whole trail. */
const CENTRAL_ADMIN: StaffUser = { id: 1, username: 'admin', role: 'ADMIN', organizationId: 1 };

/**
 * The audit trail on the real MariaDB. Other tests may append to the same chains meanwhile, so this
 * one looks only at its own records, and tampers only inside transactions that roll back.
 */
describe('audit chain on the real database', () => {
  const config = loadConfig();
  let moduleRef: TestingModule;
  let audit: AuditTrail;
  let db: DataSource;
  const run = randomUUID().slice(0, 8);
  const caseId = randomUUID();

  const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
    action: 'case.accept',
    actor: { userId: 3, role: 'HANDLER', organizationId: 5 },
    caseId,
    before: { stage: 'SUBMITTED' },
    after: { stage: 'ACCEPTED', note: `受理 ${n}` },
    dedupeKey: `it-${run}-${n}`,
    ...extra,
  });
  const ownRecords = () => db.getRepository(AuditRecordEntity).find({ where: { caseId }, order: { seq: 'ASC' } });

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, AuditApiModule] }).compile();
    audit = moduleRef.get(AuditTrail);
    db = await new DataSource(dataSourceOptions(config)).initialize();
  });

  afterAll(async () => {
    await moduleRef?.close();
    await db?.destroy();
  });

  it('appends records one after another in their chain, and skips a repeated dedupe key', async () => {
    const first = await audit.append([entry(1), entry(2), entry(3)]);
    expect(new Set(first.map((r) => r.chain)).size).toBe(1);
    expect(first.map((r) => r.chainSeq)).toEqual([first[0].chainSeq, first[0].chainSeq! + 1, first[0].chainSeq! + 2]);
    expect(first[1].prevHash).toBe(first[0].hash);
    expect(first[1].seq).toBeGreaterThan(first[0].seq);
    expect(first[0].seq % AUDIT_CHAIN_COUNT).toBe(first[0].chain);

    // An activity retry: entry 3 again (with other content even), plus a new one and an admin action.
    const admin = { action: 'sla_policy.publish', actor: { userId: 1, role: 'ADMIN', organizationId: 1 }, subject: `sla_policy:${run}`, after: { version: 2 } };
    const second = await audit.append([entry(3, { after: { retried: true } }), entry(4), admin]);
    expect(second.map((r) => r.dedupeKey)).toEqual([`it-${run}-4`, null]);
    expect(second[1].chain).toBe(chainOf(`subject:sla_policy:${run}`));
    expect(await audit.append([entry(1), entry(2)])).toEqual([]);

    const stored = await ownRecords();
    expect(stored.map((r) => r.dedupeKey)).toEqual([1, 2, 3, 4].map((n) => `it-${run}-${n}`));
    expect(stored[2]).toMatchObject({ actorUserId: 3, actorRole: 'HANDLER', actorOrgId: 5, beforeState: '{"stage":"SUBMITTED"}', afterState: '{"stage":"ACCEPTED","note":"受理 3"}' });
    expect(await db.getRepository(AuditRecordEntity).findOneByOrFail({ seq: second[1].seq })).toMatchObject({ caseId: null, subject: `sla_policy:${run}`, beforeState: null });
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it("appends in the caller's transaction: committed with its change, or rolled back with it", async () => {
    const inside = await db.transaction((em) => audit.append([entry(5)], em));
    expect(inside).toHaveLength(1);
    await expect(
      db.transaction(async (em) => {
        await audit.append([entry(6)], em);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const keys = (await ownRecords()).map((r) => r.dedupeKey);
    expect(keys).toContain(`it-${run}-5`);
    expect(keys).not.toContain(`it-${run}-6`);
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it("takes the latest chain head even when the caller's transaction read an older snapshot", async () => {
    const appended = await db.transaction(async (em) => {
      await em.query('SELECT COUNT(*) FROM audit_records'); // fixes this transaction's read view
      await audit.append([entry(7)]); // another transaction appends to the same chain and commits meanwhile
      return audit.append([entry(8)], em);
    });
    const stored = await ownRecords();
    const of = (n: number) => stored.find((r) => r.dedupeKey === `it-${run}-${n}`)!;
    expect(appended[0].chainSeq).toBe(of(8).chainSeq);
    expect(of(8).chainSeq).toBe(of(7).chainSeq! + 1);
    expect(of(8).prevHash).toBe(of(7).hash);
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('keeps each chain gapless under concurrent appends, of one case and of several', async () => {
    const others = Array.from({ length: 4 }, () => randomUUID());
    const calls = Array.from({ length: 8 }, (_, i) => audit.append([entry(100 + i), entry(200 + i, { caseId: others[i % 4] })]));
    const appended = (await Promise.all(calls)).flat();
    expect(new Set(appended.map((r) => r.seq)).size).toBe(16);
    const mine = (await ownRecords()).filter((r) => /-10\d$/.test(r.dedupeKey!));
    expect(mine).toHaveLength(8);
    expect(mine.map((r) => r.chainSeq)).toEqual([...mine.map((r) => r.chainSeq!)].sort((a, b) => a - b)); // seq order is chain order
    expect(new Set(mine.map((r) => r.chainSeq)).size).toBe(8);
    const verdict = await audit.verify(7); // small batches: the verifier crosses many batch boundaries
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.checked).toBeGreaterThanOrEqual(16);
  });

  it('stores a dedupe key once when two transactions append it at the same time (the other fails or skips it)', async () => {
    const key = (n: number) => entry(400 + n);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => db.transaction((em) => audit.append([key(0)], em))));
    const stored = (await ownRecords()).filter((r) => r.dedupeKey === `it-${run}-400`);
    expect(stored).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.length === 1)).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/Duplicate entry/);
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  /**
   * Tampers inside a transaction that holds the case's chain head and rolls back: the verifier run in it
   * sees the tampering, no other test does, and nothing needs restoring.
   */
  async function tampered(tamper: (em: EntityManager, own: AuditRecordEntity[]) => Promise<void>): Promise<ChainVerdict> {
    const outcome = await db
      .transaction(async (em) => {
        await em.query('SELECT chain FROM audit_chain_heads WHERE chain = ? FOR UPDATE', [chain()]);
        await tamper(em, await em.getRepository(AuditRecordEntity).find({ where: { caseId }, order: { seq: 'ASC' } }));
        throw Object.assign(new Error('roll back'), { seen: await verifyStoredChain(em, 500) });
      })
      .catch((error: { seen?: ChainVerdict }) => error);
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
    return outcome.seen!;
  }
  const chain = () => chainOf(chainKey({ caseId, action: 'case.accept' }));

  it('names a changed record by its chain and position', async () => {
    const seen = await tampered(async (em, [target]) => {
      await em.query('UPDATE audit_records SET after_state = ? WHERE seq = ?', ['{"stage":"REJECTED"}', target.seq]);
    });
    const [target] = await ownRecords();
    expect(seen).toMatchObject({ ok: false, segment: 'chain', chain: chain(), position: target.chainSeq, reason: 'hash mismatch' });
  });

  it('names the record after a deleted one as a gap', async () => {
    const [target, next] = await ownRecords();
    expect(next.chainSeq).toBe(target.chainSeq! + 1); // the first of a batch appended in one call: the next is ours
    const seen = await tampered(async (em) => {
      await em.query('DELETE FROM audit_records WHERE seq = ?', [target.seq]);
    });
    expect(seen).toMatchObject({ ok: false, segment: 'chain', chain: chain(), position: next.chainSeq, reason: 'seq gap' });
  });

  it('names two records that swapped places in their chain', async () => {
    const [a, b] = await ownRecords();
    const seen = await tampered(async (em) => {
      await em.query('UPDATE audit_records SET chain_seq = -1 WHERE seq = ?', [a.seq]);
      await em.query('UPDATE audit_records SET chain_seq = ? WHERE seq = ?', [a.chainSeq, b.seq]);
      await em.query('UPDATE audit_records SET chain_seq = ? WHERE seq = ?', [b.chainSeq, a.seq]);
    });
    expect(seen).toMatchObject({ ok: false, segment: 'chain', chain: chain(), position: a.chainSeq, reason: expect.stringMatching(/hash mismatch|prev_hash link broken/) });
  });

  it('catches deleted newest records against the chain head', async () => {
    let lastSeq = 0;
    const seen = await tampered(async (em) => {
      const [last] = await em.query('SELECT seq, chain_seq FROM audit_records WHERE chain = ? ORDER BY chain_seq DESC LIMIT 1', [chain()]);
      lastSeq = Number(last.chain_seq);
      await em.query('DELETE FROM audit_records WHERE seq = ?', [last.seq]);
    });
    expect(seen).toMatchObject({ ok: false, segment: 'chain', chain: chain(), position: lastSeq, reason: 'chain head mismatch' });
  });

  it('catches a chain tail cut after an anchor sealed it, with the head row set back to match', async () => {
    await audit.append([entry(500), entry(501)]);
    await expect(sealAnchor(db.manager)).resolves.toMatchObject({ sealed: true });
    let cutAt = 0;
    const seen = await tampered(async (em) => {
      // Everything from the newest anchor's head of the chain on goes, and the head row is set to what is left.
      const [{ heads }] = await em.query('SELECT heads FROM audit_anchors ORDER BY seq DESC LIMIT 1');
      cutAt = (JSON.parse(heads) as { chains: number[][] }).chains.find(([c]) => c === chain())![1];
      const [kept] = await em.query('SELECT seq, chain_seq, hash FROM audit_records WHERE chain = ? AND chain_seq = ?', [chain(), cutAt - 1]);
      await em.query('DELETE FROM audit_records WHERE chain = ? AND chain_seq >= ?', [chain(), cutAt]);
      await em.query('UPDATE audit_chain_heads SET last_chain_seq = ?, last_seq = ?, last_hash = ? WHERE chain = ?', [kept.chain_seq, kept.seq, kept.hash, chain()]);
    });
    expect(seen).toMatchObject({ ok: false, segment: 'chain', chain: chain(), position: cutAt, reason: 'anchor mismatch' });
  });

  it('catches a changed anchor', async () => {
    await audit.append([entry(502)]);
    const sealed = await sealAnchor(db.manager);
    expect(sealed).toMatchObject({ sealed: true });
    const seq = sealed.sealed ? sealed.seq : 0;
    const seen = await tampered(async (em) => {
      await em.query('SELECT id FROM audit_anchor_head WHERE id = 1 FOR UPDATE');
      await em.query(`UPDATE audit_anchors SET heads = REPLACE(heads, '"chains":[[0,', '"chains":[[0,1') WHERE seq = ?`, [seq]);
    });
    expect(seen).toMatchObject({ ok: false, segment: 'anchors', chain: null, position: seq, reason: 'hash mismatch' });
  });

  it('lists by case and action a page at a time, and answers the verify endpoint', async () => {
    const controller = moduleRef.get(AuditController);
    const own = await ownRecords();
    const first = await controller.list(CENTRAL_ADMIN, Object.assign(new ListAuditQuery(), { caseId, action: 'case.accept', limit: 2 }));
    expect(first.items.map((r) => r.seq)).toEqual(own.slice(0, 2).map((r) => r.seq));
    expect(first.items[0]).toMatchObject({ chain: own[0].chain, chainSeq: own[0].chainSeq, prevHash: own[0].prevHash, hash: own[0].hash });
    expect(first.nextFromSeq).toBe(own[2].seq);
    const rest = await controller.list(CENTRAL_ADMIN, Object.assign(new ListAuditQuery(), { caseId, fromSeq: first.nextFromSeq!, limit: 500 }));
    expect(rest.items.map((r) => r.seq)).toEqual(own.slice(2).map((r) => r.seq));
    expect(rest.nextFromSeq).toBeNull();
    expect(await controller.list(CENTRAL_ADMIN, Object.assign(new ListAuditQuery(), { action: 'sla_policy.publish' }))).toMatchObject({ items: [expect.objectContaining({ subject: `sla_policy:${run}` })] });
    await expect(controller.verify()).resolves.toMatchObject({ ok: true, checked: expect.any(Number), anchors: expect.any(Number) });
  });

  it('refuses an entry it could not store exactly as hashed, appending nothing of the call', async () => {
    await expect(audit.append([entry(300), entry(301, { subject: 'x'.repeat(129) })])).rejects.toThrow(/subject must be at most 128/);
    expect(await db.getRepository(AuditRecordEntity).countBy({ dedupeKey: In([`it-${run}-300`, `it-${run}-301`]) })).toBe(0);
  });
});

import { Test, type TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule, dataSourceOptions } from '@app/database';
import { AuditRecordEntity, AuditTrail, type AuditEntry } from '@app/audit';
import { AuditController } from '../../apps/api/src/audit/audit.controller';
import { AuditApiModule } from '../../apps/api/src/audit/audit.module';
import { ListAuditQuery } from '../../apps/api/src/audit/list-audit.query';
import type { StaffUser } from '../../apps/api/src/auth/staff-user';

/** The demo seed's `admin`: the central office (organization 1) reaches the whole trail. */
const CENTRAL_ADMIN: StaffUser = { id: 1, username: 'admin', role: 'ADMIN', organizationId: 1 };

/**
 * The audit trail on the real MariaDB. Other tests may append to the same chain meanwhile, so this
 * one looks only at its own records, asserts the chain intact before tampering, and undoes every
 * tampering before it asserts anything.
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

  it('appends records with consecutive seqs and skips a repeated dedupe key', async () => {
    const first = await audit.append([entry(1), entry(2), entry(3)]);
    expect(first.map((r) => r.seq)).toEqual([first[0].seq, first[0].seq + 1, first[0].seq + 2]);
    expect(first[1].prevHash).toBe(first[0].hash);

    // An activity retry: entry 3 again (with other content even), plus a new one and an admin action.
    const admin = { action: 'sla_policy.publish', actor: { userId: 1, role: 'ADMIN', organizationId: 1 }, subject: `sla_policy:${run}`, after: { version: 2 } };
    const second = await audit.append([entry(3, { after: { retried: true } }), entry(4), admin]);
    expect(second.map((r) => r.dedupeKey)).toEqual([`it-${run}-4`, null]);
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
      await audit.append([entry(7)]); // another transaction appends and commits meanwhile
      return audit.append([entry(8)], em);
    });
    const stored = await ownRecords();
    const seqOf = (n: number) => stored.find((r) => r.dedupeKey === `it-${run}-${n}`)?.seq;
    expect(appended[0].seq).toBe(seqOf(8));
    expect(seqOf(8)).toBeGreaterThan(seqOf(7)!);
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('keeps one gapless chain under concurrent appends', async () => {
    const calls = Array.from({ length: 8 }, (_, i) => audit.append([entry(100 + i), entry(200 + i)]));
    const seqs = (await Promise.all(calls)).flat().map((r) => r.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(16);
    const verdict = await audit.verify(7); // small batches: the verifier crosses many batch boundaries
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.checked).toBeGreaterThanOrEqual(seqs[seqs.length - 1]);
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
  it('names an edited record, then passes again once it is restored', async () => {
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
    const [target] = await ownRecords();
    try {
      await db.query('UPDATE audit_records SET after_state = ? WHERE seq = ?', ['{"stage":"REJECTED"}', target.seq]);
      await expect(audit.verify()).resolves.toMatchObject({ ok: false, brokenAtSeq: target.seq, reason: 'hash mismatch' });
    } finally {
      await db.query('UPDATE audit_records SET after_state = ? WHERE seq = ?', [target.afterState, target.seq]);
    }
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('names the record after a deleted one as a seq gap, then passes again once it is restored', async () => {
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
    // The first of a batch appended in one call: the next seq is surely there (and ours).
    const [target, next] = await ownRecords();
    expect(next.seq).toBe(target.seq + 1);
    try {
      await db.query('DELETE FROM audit_records WHERE seq = ?', [target.seq]);
      await expect(audit.verify()).resolves.toMatchObject({ ok: false, brokenAtSeq: next.seq, reason: 'seq gap' });
    } finally {
      await db.getRepository(AuditRecordEntity).insert(target);
    }
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('catches deleted newest records against the chain head', async () => {
    // Inside one transaction that holds the chain lock and rolls back: no other test sees the deletion.
    const verdict = await db
      .transaction(async (em) => {
        await em.query('SELECT id FROM audit_chain_head WHERE id = 1 FOR UPDATE');
        const [last] = await em.query('SELECT seq FROM audit_records ORDER BY seq DESC LIMIT 1 FOR UPDATE');
        await em.query('DELETE FROM audit_records WHERE seq = ?', [last.seq]);
        const seen = await new AuditTrail(em.getRepository(AuditRecordEntity)).verify();
        throw Object.assign(new Error('roll back'), { seen, lastSeq: Number(last.seq) });
      })
      .catch((error: { seen: unknown; lastSeq: number }) => error);
    expect(verdict.seen).toMatchObject({ ok: false, brokenAtSeq: verdict.lastSeq, reason: 'chain head mismatch' });
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('lists by case and action a page at a time, and answers the verify endpoint', async () => {
    const controller = moduleRef.get(AuditController);
    const own = await ownRecords();
    const first = await controller.list(CENTRAL_ADMIN, Object.assign(new ListAuditQuery(), { caseId, action: 'case.accept', limit: 2 }));
    expect(first.items.map((r) => r.seq)).toEqual(own.slice(0, 2).map((r) => r.seq));
    expect(first.nextFromSeq).toBe(own[2].seq);
    const rest = await controller.list(CENTRAL_ADMIN, Object.assign(new ListAuditQuery(), { caseId, fromSeq: first.nextFromSeq!, limit: 500 }));
    expect(rest.items.map((r) => r.seq)).toEqual(own.slice(2).map((r) => r.seq));
    expect(rest.nextFromSeq).toBeNull();
    expect(await controller.list(CENTRAL_ADMIN, Object.assign(new ListAuditQuery(), { action: 'sla_policy.publish' }))).toMatchObject({ items: [expect.objectContaining({ subject: `sla_policy:${run}` })] });
    await expect(controller.verify()).resolves.toMatchObject({ ok: true, checked: expect.any(Number) });
  });

  it('refuses an entry it could not store exactly as hashed, appending nothing of the call', async () => {
    await expect(audit.append([entry(300), entry(301, { subject: 'x'.repeat(129) })])).rejects.toThrow(/subject must be at most 128/);
    expect(await db.getRepository(AuditRecordEntity).countBy({ dedupeKey: In([`it-${run}-300`, `it-${run}-301`]) })).toBe(0);
  });
});

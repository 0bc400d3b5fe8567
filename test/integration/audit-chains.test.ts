import { createHash, randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource, type QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_COUNT, AuditRecordEntity, AuditTrail, chainKey, chainOf, sealAnchor, verifyStoredChain, type AuditEntry } from '@app/audit';
import { AppConfig, loadConfig } from '@app/config';
import { dataSourceOptions, MIGRATIONS } from '@app/database';
import { AuditChains1763800000080 } from '../../libs/database/src/migrations/1763800000080-audit-chains';
import { AuditAnchorTimer } from '../../apps/worker/src/audit-anchor.timer';

const config = loadConfig();
const chainOfCase = (caseId: string) => chainOf(chainKey({ caseId, action: 'x' }));
/** Case ids whose records fall into `count` different chains. */
function casesInDistinctChains(count: number): string[] {
  const found = new Map<number, string>();
  while (found.size < count) {
    const id = randomUUID();
    if (!found.has(chainOfCase(id))) found.set(chainOfCase(id), id);
  }
  return [...found.values()];
}
const entry = (caseId: string, n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  action: 'case.accept',
  actor: { userId: 3, role: 'HANDLER', organizationId: 5 },
  caseId,
  after: { n },
  dedupeKey: `${caseId}:${n}`,
  ...extra,
});

async function freshDatabase(name: string): Promise<typeof config> {
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return { ...config, DB_NAME: name };
}

async function dropDatabase(name: string): Promise<void> {
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}

/** The single chain's record form and append, as the trail wrote them before migration 1763800000080. */
function oldCanonical(r: Record<string, unknown>): string {
  return JSON.stringify({
    seq: Number(r.seq),
    occurredAt: new Date(r.occurredAt as string).toISOString(),
    actorUserId: r.actorUserId ?? null,
    actorRole: r.actorRole ?? null,
    actorOrgId: r.actorOrgId ?? null,
    action: r.action,
    caseId: r.caseId ?? null,
    subject: r.subject ?? null,
    beforeState: r.beforeState ?? null,
    afterState: r.afterState ?? null,
    dedupeKey: r.dedupeKey ?? null,
    prevHash: r.prevHash,
  });
}

async function oldAppend(db: DataSource, entries: Array<{ action: string; caseId: string | null; subject: string | null; after: unknown }>): Promise<void> {
  await db.transaction(async (em) => {
    const [head] = await em.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    let tail = { seq: Number(head.last_seq), hash: head.last_hash as string };
    for (const e of entries) {
      const record = { seq: tail.seq + 1, occurredAt: new Date(), actorUserId: 1, actorRole: 'ADMIN', actorOrgId: 1, action: e.action, caseId: e.caseId, subject: e.subject, beforeState: null, afterState: JSON.stringify(e.after), dedupeKey: null, prevHash: tail.hash };
      const hash = createHash('sha256').update(tail.hash).update(oldCanonical(record)).digest('hex');
      await em.query(
        'INSERT INTO audit_records (seq, occurred_at, actor_user_id, actor_role, actor_org_id, action, case_id, subject, before_state, after_state, dedupe_key, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [record.seq, record.occurredAt, 1, 'ADMIN', 1, record.action, record.caseId, record.subject, null, record.afterState, null, record.prevHash, hash],
      );
      tail = { seq: record.seq, hash };
    }
    await em.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [tail.seq, tail.hash]);
  });
}

describe('audit chains migration (1763800000080): the single chain becomes the sealed legacy segment', () => {
  const database = `${config.DB_NAME}_audit_legacy`;
  afterAll(() => dropDatabase(database));

  it('keeps every existing record verifiable, starts the chains after it, and catches tampering with it', async () => {
    const settings = await freshDatabase(database);
    const old = new DataSource({ ...dataSourceOptions(settings), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditChains1763800000080)) });
    await old.initialize();
    await old.runMigrations();
    const kase = randomUUID();
    await oldAppend(old, [
      { action: 'case.SUBMITTED', caseId: kase, subject: null, after: { step: 'SUBMITTED' } },
      { action: 'user.CREATED', caseId: null, subject: 'user:7', after: { username: '迁移前' } },
    ]);
    await oldAppend(old, [{ action: 'case.ACCEPTED', caseId: kase, subject: null, after: { step: 'ACCEPTED' } }]);
    const before = await old.query('SELECT * FROM audit_records ORDER BY seq');
    await old.destroy();

    const db = new DataSource(dataSourceOptions(settings));
    await db.initialize();
    try {
      // This migration first, then whatever came after it.
      expect((await db.runMigrations()).map((m) => m.name)).toEqual(MIGRATIONS.slice(MIGRATIONS.indexOf(AuditChains1763800000080)).map((m) => m.name));
      expect(await db.query("SHOW TABLES LIKE 'audit_chain_head'")).toEqual([]); // an old appender now fails instead of extending the seal
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM audit_chain_heads'))[0].n)).toBe(AUDIT_CHAIN_COUNT);
      const after = await db.query('SELECT * FROM audit_records ORDER BY seq');
      expect(after).toEqual(before.map((row: object) => ({ ...row, chain: null, chain_seq: null })));
      await expect(verifyStoredChain(db.manager)).resolves.toEqual({ ok: true, checked: 3, anchors: 1 });

      // The trail goes on in the chains: the case's records follow its legacy ones in the listing.
      const trail = new AuditTrail(db.getRepository(AuditRecordEntity));
      const appended = await trail.append([entry(kase, 3), { action: 'user.UPDATED', subject: 'user:7', after: { active: false } }]);
      expect(appended.map((r) => r.chain)).toEqual([chainOfCase(kase), chainOf('subject:user:7')]);
      expect(appended[0].seq).toBeGreaterThan(3);
      expect((await trail.list({ caseId: kase })).map((r) => r.action)).toEqual(['case.SUBMITTED', 'case.ACCEPTED', 'case.accept']);
      await expect(sealAnchor(db.manager)).resolves.toMatchObject({ sealed: true, seq: 2 });
      await expect(verifyStoredChain(db.manager, 2)).resolves.toEqual({ ok: true, checked: 5, anchors: 2 });

      // A changed legacy record, and its newest record deleted: the seal in anchor #1 still knows it.
      await db.query("UPDATE audit_records SET after_state = '{}' WHERE seq = 2");
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: false, segment: 'legacy', position: 2, reason: 'hash mismatch' });
      await db.query('UPDATE audit_records SET after_state = ? WHERE seq = 2', [before[1].after_state]);
      await db.query('DELETE FROM audit_records WHERE seq = 3');
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: false, segment: 'legacy', position: 3, reason: 'anchor mismatch' });
      await db.getRepository(AuditRecordEntity).insert({ ...(await oldRow(before[2])) });
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: true, checked: 5 });

      // A legacy record written past the seal (well linked, as the old appender would have), and a record in no chain.
      const [third] = await db.getRepository(AuditRecordEntity).findBy({ seq: 3 });
      const late = { ...third, seq: 4, occurredAt: new Date(), prevHash: third.hash };
      await db.getRepository(AuditRecordEntity).insert({ ...late, hash: createHash('sha256').update(third.hash).update(oldCanonical(late as unknown as Record<string, unknown>)).digest('hex') });
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: false, segment: 'legacy', position: 4, reason: 'anchor mismatch' });
      await db.query('DELETE FROM audit_records WHERE seq = 4');
      await db.getRepository(AuditRecordEntity).insert({ ...appended[0], seq: appended[0].seq + 1000 * AUDIT_CHAIN_COUNT, chain: 99, dedupeKey: null });
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: false, segment: 'chain', chain: 99, reason: 'wrong chain' });
      await db.query('DELETE FROM audit_records WHERE chain = 99');
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: true, checked: 5 });

      // A changed anchor #1 (the seal itself).
      await db.query(`UPDATE audit_anchors SET heads = REPLACE(heads, '"legacy":{"seq":3', '"legacy":{"seq":2') WHERE seq = 1`);
      await expect(verifyStoredChain(db.manager)).resolves.toMatchObject({ ok: false, segment: 'anchors', position: 1, reason: 'hash mismatch' });
    } finally {
      await db.destroy();
    }
  });
});

/** A row as SELECT * returned it, back as an entity. */
async function oldRow(row: Record<string, unknown>): Promise<AuditRecordEntity> {
  return Object.assign(new AuditRecordEntity(), {
    seq: Number(row.seq),
    chain: null,
    chainSeq: null,
    occurredAt: row.occurred_at as Date,
    actorUserId: row.actor_user_id as number,
    actorRole: row.actor_role as string,
    actorOrgId: row.actor_org_id as number,
    action: row.action as string,
    caseId: row.case_id as string,
    subject: row.subject as string | null,
    beforeState: row.before_state as string | null,
    afterState: row.after_state as string | null,
    dedupeKey: row.dedupe_key as string | null,
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  });
}

describe('audit chains under concurrent writers', () => {
  const database = `${config.DB_NAME}_audit_chains`;
  let settings: typeof config;
  /** Two API replicas and two workers: each its own pool, as separate processes would have. */
  const processes: DataSource[] = [];
  let db: DataSource;
  let trail: AuditTrail;

  beforeAll(async () => {
    settings = await freshDatabase(database);
    db = new DataSource(dataSourceOptions(settings));
    await db.initialize();
    await db.runMigrations();
    trail = new AuditTrail(db.getRepository(AuditRecordEntity));
    for (let i = 0; i < 4; i++) processes.push(await new DataSource(dataSourceOptions(settings)).initialize());
  });

  afterAll(async () => {
    for (const p of processes) await p.destroy();
    await db?.destroy();
    await dropDatabase(database);
  });

  /** A transaction on a connection of its own that gives up on a row lock after one second. */
  async function impatient(source: DataSource = db): Promise<QueryRunner> {
    const runner = source.createQueryRunner();
    await runner.connect();
    await runner.query('SET SESSION innodb_lock_wait_timeout = 1');
    await runner.startTransaction();
    return runner;
  }
  const end = async (runner: QueryRunner, commit: boolean) => {
    if (commit) await runner.commitTransaction();
    else await runner.rollbackTransaction();
    await runner.release();
  };

  it('lets open transactions on different chains append and commit without waiting for each other', async () => {
    const cases = casesInDistinctChains(3);
    const open = await Promise.all(cases.map(() => impatient()));
    // Each appends while the others hold their chains' locks; one that waited a second would fail with a lock wait timeout.
    const started = Date.now();
    for (const [i, runner] of open.entries()) await trail.append([entry(cases[i], 1)], runner.manager);
    expect(Date.now() - started).toBeLessThan(1000);
    // The newest first: none of them waits for the one that began before it.
    for (const runner of [...open].reverse()) await end(runner, true);
    for (const kase of cases) expect(await trail.list({ caseId: kase })).toMatchObject([{ chainSeq: 1 }]);
    await expect(trail.verify()).resolves.toMatchObject({ ok: true });
  });

  it('makes a second transaction on the same chain wait, then places it right after the first: no gap, no fork', async () => {
    const [kase] = casesInDistinctChains(1);
    const sameChain = (() => {
      for (;;) {
        const id = randomUUID();
        if (chainOfCase(id) === chainOfCase(kase)) return id;
      }
    })();
    const first = await impatient();
    const [mine] = await trail.append([entry(kase, 1)], first.manager);

    const tooImpatient = await impatient();
    await expect(trail.append([entry(sameChain, 1)], tooImpatient.manager)).rejects.toThrow(/Lock wait timeout/);
    await end(tooImpatient, false);

    // Another process, waiting as long as it takes: it goes on once the first commits.
    const second = processes[1].transaction((em) => new AuditTrail(processes[1].getRepository(AuditRecordEntity)).append([entry(sameChain, 3)], em));
    const state = await Promise.race([second.then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
    expect(state).toBe('waiting');
    await end(first, true);
    const [next] = await second;
    expect(next.chain).toBe(mine.chain);
    expect(next).toMatchObject({ chainSeq: mine.chainSeq! + 1, prevHash: mine.hash });
    const chain = await db.getRepository(AuditRecordEntity).find({ where: { chain: mine.chain! }, order: { chainSeq: 'ASC' } });
    expect(chain.map((r) => r.chainSeq)).toEqual(chain.map((_, i) => i + 1));
    expect(chain.map((r) => r.seq)).toEqual([...chain.map((r) => r.seq)].sort((a, b) => a - b));
    await expect(trail.verify()).resolves.toMatchObject({ ok: true });
  });

  it('keeps every chain gapless with four processes appending at once, one of them dying mid-transaction', async () => {
    const cases = Array.from({ length: 6 }, () => randomUUID());
    // A process dies holding a chain's lock, its records inserted but not committed: the database rolls them back.
    const dying = await impatient(processes[3]);
    const [lost] = await trail.append([entry(cases[0], 999)], dying.manager);
    const connection = (dying as unknown as { databaseConnection: { destroy(): void } }).databaseConnection;
    connection.destroy();
    await dying.release().catch(() => undefined);

    const work = processes.flatMap((source, p) =>
      Array.from({ length: 10 }, (_, i) => {
        const own = new AuditTrail(source.getRepository(AuditRecordEntity));
        return source.transaction((em) => own.append([entry(cases[(p + i) % 6], 10 * p + i), entry(cases[(p + i + 1) % 6], 100 + 10 * p + i)], em));
      }),
    );
    const appended = (await Promise.all(work)).flat();
    expect(appended).toHaveLength(80);
    expect(await db.getRepository(AuditRecordEntity).countBy({ dedupeKey: lost.dedupeKey! })).toBe(0);
    for (const kase of cases) {
      const records = await trail.list({ caseId: kase });
      for (let i = 1; i < records.length; i++) expect(records[i].seq).toBeGreaterThan(records[i - 1].seq);
    }
    await expect(trail.verify(5)).resolves.toMatchObject({ ok: true });
  });

  it('seals anchors without holding up appenders, from two sealers at once', async () => {
    const [kase, other] = casesInDistinctChains(2);
    await trail.append([entry(kase, 1)]);
    const open = await impatient();
    await trail.append([entry(kase, 2)], open.manager); // holds the chain's lock, uncommitted
    const sealers = await Promise.all([sealAnchor(processes[0].manager), sealAnchor(processes[1].manager)]);
    expect(sealers.filter((s) => s.sealed)).toHaveLength(1); // the second found nothing moved since the first
    expect(sealers.find((s) => !s.sealed)).toEqual({ sealed: false, why: 'nothing moved' });
    await trail.append([entry(other, 1)]); // another chain goes on meanwhile
    await end(open, true);

    const [{ heads }] = await db.query('SELECT heads FROM audit_anchors ORDER BY seq DESC LIMIT 1');
    const sealed = (JSON.parse(heads) as { chains: number[][] }).chains.find(([c]) => c === chainOfCase(kase))!;
    const [committedThen] = await trail.list({ caseId: kase });
    expect(sealed[1]).toBe(committedThen.chainSeq); // the committed head, not the one still open
    await expect(sealAnchor(db.manager, { minIntervalMs: 60_000 })).resolves.toEqual({ sealed: false, why: 'sealed recently' });
    await expect(trail.verify()).resolves.toMatchObject({ ok: true });
  });

  it("runs as the worker's timer: a round seals, another within half the interval writes nothing", async () => {
    const timer = new AuditAnchorTimer(db, Object.assign(new AppConfig(), config, { AUDIT_ANCHOR_SECONDS: 1 }));
    await trail.append([entry(randomUUID(), 1)]);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past half the interval since the newest anchor
    const round = await timer.seal();
    expect(round).toMatchObject({ sealed: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await trail.append([entry(randomUUID(), 1)]);
    await expect(timer.seal()).resolves.toEqual({ sealed: false, why: 'sealed recently' });
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM audit_anchors');
    expect(Number(n)).toBe(round!.sealed ? round!.seq : -1);
    await expect(trail.verify()).resolves.toMatchObject({ ok: true });
  });
});

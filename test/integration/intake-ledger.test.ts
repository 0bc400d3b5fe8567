import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CaseEntity, CaseIntakeEntity, dataSourceOptions } from '@app/database';
import { IntakeLedger } from '../../apps/api/src/intake/intake-ledger.service';

/** Case numbers and the key-to-case mapping, on the real database. */
describe('intake ledger', () => {
  let db: DataSource;
  let ledger: IntakeLedger;
  // Each test numbers a day of its own, far from any real submission.
  let day = 0;
  const nextDay = () => new Date(Date.UTC(2099, 0, 1 + ++day, 4));
  const seqOf = (caseNo: string) => Number(caseNo.split('-')[1]);

  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    ledger = new IntakeLedger(db.getRepository(CaseIntakeEntity), db.getRepository(CaseEntity));
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('gives 300 cases submitted at once 300 different numbers, the day counted 1 to 300', async () => {
    const at = nextDay();
    const recorded = await Promise.all(Array.from({ length: 300 }, () => ledger.record(randomUUID(), null, at)));
    const numbers = recorded.map((r) => r.intake.caseNo);
    expect(new Set(numbers).size).toBe(300);
    expect(numbers.every((n) => /^FT20990102-\d{8}$/.test(n))).toBe(true);
    expect(numbers.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(recorded.every((r) => r.created)).toBe(true);
  });

  it('skips a number an older case already holds', async () => {
    const at = nextDay();
    const first = await ledger.record(randomUUID(), null, at);
    const taken = first.intake.caseNo.replace(/\d{8}$/, '00000002');
    await db.getRepository(CaseIntakeEntity).insert({ caseId: randomUUID(), caseNo: taken, fingerprint: null, submittedAt: at });

    const next = await ledger.record(randomUUID(), null, at);
    expect(next.intake.caseNo).not.toBe(taken);
    expect(seqOf(next.intake.caseNo)).toBe(3);
  });

  it('records a case once when two requests with the same key race, and both answer with its number', async () => {
    const caseId = randomUUID();
    const at = nextDay();
    const [a, b] = await Promise.all([ledger.record(caseId, 'f'.repeat(64), at), ledger.record(caseId, 'f'.repeat(64), at)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.intake.caseNo).toBe(b.intake.caseNo);
    expect(await db.getRepository(CaseIntakeEntity).countBy({ caseId })).toBe(1);
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, OrganizationEntity, ReferralEntity } from '@app/database';
import type { ReferralState } from '@app/domain';
import { ReferralWriter } from '@app/projection';
import { startWorkerApp } from '../support/stack';

/**
 * The worker's pool has 20 connections. A registration that held one in its transaction and read through
 * a second one deadlocked the pool as soon as 20 ran at once: every one waited for a connection that
 * only another waiting one could give back.
 */
describe('referral writer under concurrency, on the real database', () => {
  const config = loadConfig();
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    worker = await startWorkerApp();
    db = await new DataSource(dataSourceOptions(config)).initialize();
  });

  afterAll(async () => {
    await worker?.close();
    await db?.destroy();
  });

  it('registers 30 referrals at once without exhausting the pool', async () => {
    const body = await db.getRepository(OrganizationEntity).findOneByOrFail({ kind: 'DISCIPLINE_BODY', regionCode: '440100' });
    const writer = worker.get(ReferralWriter);
    const at = new Date().toISOString();
    const states: ReferralState[] = Array.from({ length: 30 }, (_, i) => ({
      referralId: `it-${randomUUID()}`,
      caseId: randomUUID(),
      caseNo: `FT-IT-REF-${i}`,
      reason: 'SERIOUS_FINDING',
      status: 'AWAITING_ACK',
      disciplineOrgId: body.id,
      escalations: 0,
      ackDeadlineAt: at,
      concludeDeadlineAt: at,
      acknowledgedAt: null,
      concludedAt: null,
      outcome: null,
      conclusion: null,
      lastActor: null,
      revision: 1,
    }));

    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('referral registrations did not finish within 20 s: the pool is deadlocked')), 20_000);
    });
    try {
      await Promise.race([Promise.all(states.map((s) => writer.register(s, at))), stuck]);
    } finally {
      clearTimeout(timer);
    }
    const ids = states.map((s) => s.referralId);
    expect(await db.getRepository(ReferralEntity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).getCount()).toBe(30);
  });
});

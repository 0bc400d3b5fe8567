import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CaseEntity, CaseIntakeEntity, dataSourceOptions, MIGRATIONS } from '@app/database';
import { IntakeLedger } from '../../apps/api/src/intake/intake-ledger.service';
import { CaseIntakes1763800000020 } from '../../libs/database/src/migrations/1763800000020-case-intakes';

/** Migration 1763800000020 on a database that already has cases: they carry over into case_intakes. */
describe('case_intakes migration', () => {
  const config = loadConfig();
  const database = `${config.DB_NAME}_intakes`;
  const settings = { ...config, DB_NAME: database };
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CaseIntakes1763800000020));

  beforeAll(async () => {
    const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
  });

  afterAll(async () => {
    const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  });

  it('maps every existing case to its number, and new numbers step over the old ones', async () => {
    const old = new DataSource({ ...dataSourceOptions(settings), migrations: before });
    await old.initialize();
    await old.runMigrations();
    const existing = { id: randomUUID(), caseNo: 'FT20990301-00000002', createdAt: new Date('2099-03-01T02:00:00Z') };
    await old.query(
      `INSERT INTO cases (id, case_no, source, category, subject_type, subject_name, region_code, description, stage, status, handling_org_id, created_at, updated_at)
       VALUES (?, ?, 'COMPLAINT', 'FORCED_USE', 'APP', '迁移前的案件', '440105', '迁移前提交的投诉。', 'SUBMITTED', 'OPEN', 1, ?, ?)`,
      [existing.id, existing.caseNo, existing.createdAt, existing.createdAt],
    );
    await old.destroy();

    const current = new DataSource(dataSourceOptions(settings));
    await current.initialize();
    try {
      expect((await current.runMigrations()).map((m) => m.name)).toContain('CaseIntakes1763800000020');
      expect(await current.getRepository(CaseIntakeEntity).findOneBy({ caseId: existing.id })).toEqual({ caseId: existing.id, caseNo: existing.caseNo, fingerprint: null, submittedAt: existing.createdAt });
      const ledger = new IntakeLedger(current.getRepository(CaseIntakeEntity), current.getRepository(CaseEntity));
      const numbers = [];
      for (let i = 0; i < 3; i++) numbers.push((await ledger.record(randomUUID(), null, existing.createdAt)).intake.caseNo);
      expect(numbers).toEqual(['FT20990301-00000001', 'FT20990301-00000003', 'FT20990301-00000004']);
    } finally {
      await current.destroy();
    }
  });
});

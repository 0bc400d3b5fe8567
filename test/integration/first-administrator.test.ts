import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AuditRecordEntity } from '@app/audit';
import { loadConfig } from '@app/config';
import { checkPassword, createFirstAdministrator, dataSourceOptions, migrateDatabase, OrganizationEntity, UserEntity } from '@app/database';

/** An empty production database gets its root office and first administrator, once. */
describe('the first administrator', () => {
  const config = loadConfig();
  const settings = { ...config, DB_NAME: `${config.DB_NAME}_admin_${process.pid}`, SEED_DEMO: false };
  const admin = { username: 'root.admin', displayName: '首位管理员', password: 'Strong-pass-2026', centralOfficeName: '中央网信办' };
  let db: DataSource;

  beforeAll(async () => {
    const root = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await root.query(`CREATE DATABASE \`${settings.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await root.end();
    await migrateDatabase(settings);
    db = await new DataSource(dataSourceOptions(settings)).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    const root = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await root.query(`DROP DATABASE IF EXISTS \`${settings.DB_NAME}\``);
    await root.end();
  });

  it('refuses a weak password or a bad username, writing nothing', async () => {
    await expect(createFirstAdministrator(db, { ...admin, password: 'Demo#2026' })).rejects.toThrow(/10 to 128 characters/);
    await expect(createFirstAdministrator(db, { ...admin, username: 'Root Admin' })).rejects.toThrow(/username/);
    expect(await db.getRepository(OrganizationEntity).count()).toBe(0);
  });

  it('creates the central office and its administrator in an empty database, audited', async () => {
    expect(await createFirstAdministrator(db, admin)).toBe('created');
    const [office] = await db.getRepository(OrganizationEntity).find();
    expect(office).toMatchObject({ name: '中央网信办', kind: 'CENTRAL_OFFICE', regionCode: '000000', parentId: null, path: `${office.id}/` });
    const user = await db.getRepository(UserEntity).findOneByOrFail({ username: 'root.admin' });
    expect(user).toMatchObject({ role: 'ADMIN', organizationId: office.id, active: true });
    expect((await checkPassword(admin.password, user.passwordHash)).matches).toBe(true);
    const audit = await db.getRepository(AuditRecordEntity).find({ order: { seq: 'ASC' } });
    expect(audit.map((r) => `${r.action} ${r.subject}`)).toEqual([`organization.CREATED organization:${office.id}`, `user.CREATED user:${user.id}`]);
    expect(JSON.stringify(audit)).not.toContain(admin.password);
  });

  it('changes nothing the second time', async () => {
    expect(await createFirstAdministrator(db, { ...admin, username: 'another.admin' })).toBe('exists');
    expect(await db.getRepository(UserEntity).count()).toBe(1);
    expect(await db.getRepository(OrganizationEntity).count()).toBe(1);
  });
});

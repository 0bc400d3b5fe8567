import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AuditRecordEntity, AuditTrail, sealAnchor } from '@app/audit';
import { loadConfig } from '@app/config';
import { APP_TABLE_EXCEPTIONS, dataSourceOptions, migrateDatabase } from '@app/database';

/**
 * deploy/sql/least-privilege.sql and the migration job together: the migrator builds the schema and grants
 * the application's account its table privileges; that account does its work but cannot rewrite the audit trail.
 */
describe('least-privilege database accounts', () => {
  const config = loadConfig();
  const database = `${config.DB_NAME}_lp_${process.pid}`;
  const migrator = { user: `ftlp_mig_${process.pid}`, password: randomBytes(12).toString('hex') };
  const app = { user: `ftlp_app_${process.pid}`, password: randomBytes(12).toString('hex') };
  const temporal = { user: `ftlp_tmp_${process.pid}`, password: randomBytes(12).toString('hex') };
  const settings = {
    ...config,
    DB_NAME: database,
    DB_USER: app.user,
    DB_PASSWORD: app.password,
    DB_MIGRATE_USER: migrator.user,
    DB_MIGRATE_PASSWORD: migrator.password,
    SEED_DEMO: true,
  };
  let root: Connection;
  let appData: DataSource;

  beforeAll(async () => {
    root = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, multipleStatements: true });
    const script = readFileSync(join(__dirname, '../../deploy/sql/least-privilege.sql'), 'utf8');
    await root.query(
      'SET @db = ?, @user_host = ?, @migrator = ?, @migrator_password = ?, @app = ?, @app_password = ?, @temporal = ?, @temporal_password = ?',
      [database, '%', migrator.user, migrator.password, app.user, app.password, temporal.user, temporal.password],
    );
    await root.query(script);
  });

  afterAll(async () => {
    await appData?.destroy();
    for (const user of [migrator.user, app.user, temporal.user]) await root.query('DROP USER IF EXISTS ?@?', [user, '%']);
    await root.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await root.end();
  });

  it('gives the application nothing before the migration job runs, and Temporal only its own databases', async () => {
    const [appGrants] = await root.query('SHOW GRANTS FOR ?@?', [app.user, '%']);
    expect((appGrants as Array<Record<string, string>>).map((row) => Object.values(row)[0])).toEqual([expect.stringMatching(/^GRANT USAGE ON \*\.\* TO/)]);
    const [temporalGrants] = await root.query('SHOW GRANTS FOR ?@?', [temporal.user, '%']);
    const lines = (temporalGrants as Array<Record<string, string>>).map((row) => Object.values(row)[0]).join('\n');
    expect(lines).toMatch(/GRANT ALL PRIVILEGES ON `temporal`\.\*/);
    expect(lines).toMatch(/GRANT ALL PRIVILEGES ON `temporal_visibility`\.\*/);
    expect(lines).not.toContain(database);
  });

  it('migrates as the migrator and grants the application every table, the audit trail append-only', async () => {
    const report = await migrateDatabase(settings);
    expect(report.applied.length).toBeGreaterThan(10);
    expect(report.seeded).toBe(true);

    const [tables] = await root.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [database]);
    const [rows] = await root.query(
      'SELECT TABLE_NAME AS name, PRIVILEGE_TYPE AS privilege FROM information_schema.TABLE_PRIVILEGES WHERE TABLE_SCHEMA = ? AND GRANTEE = ?',
      [database, `'${app.user}'@'%'`],
    );
    const held = new Map<string, string[]>();
    for (const row of rows as Array<{ name: string; privilege: string }>) held.set(row.name, [...(held.get(row.name) ?? []), row.privilege].sort());
    for (const { name } of tables as Array<{ name: string }>) {
      const expected = [...(APP_TABLE_EXCEPTIONS[name] ?? ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])].sort();
      expect({ table: name, privileges: held.get(name) ?? [] }).toEqual({ table: name, privileges: expected });
    }
    expect(held.get('audit_records')).toEqual(['INSERT', 'SELECT']);
    expect(held.get('audit_anchors')).toEqual(['INSERT', 'SELECT']);
    expect(report.granted).not.toContain('migrations');

    // A second run (the next deploy) applies nothing and grants the same again.
    expect(await migrateDatabase({ ...settings, SEED_DEMO: false })).toMatchObject({ applied: [], seeded: false });
  });

  it('lets the application do its work and refuses it every change to audit records, registry history and the schema', async () => {
    appData = new DataSource(dataSourceOptions(settings));
    await appData.initialize();
    const trail = new AuditTrail(appData.getRepository(AuditRecordEntity));
    const [record] = await trail.append([{ action: 'TEST_ENTRY', subject: 'least-privilege', after: { ok: true } }]);
    expect(record.seq).toBeGreaterThan(0);
    expect(await trail.verify()).toMatchObject({ ok: true });

    await appData.query("UPDATE users SET display_name = display_name WHERE username = 'admin'");
    await appData.query('DELETE FROM login_attempts WHERE 1 = 0');

    const refused = async (sql: string) => {
      const error = await appData.query(sql).then(() => null, (e: { code?: string }) => e);
      expect({ sql, code: error?.code }).toEqual({ sql, code: expect.stringMatching(/^ER_(TABLEACCESS|DBACCESS)_DENIED_ERROR$/) });
    };
    await refused(`UPDATE audit_records SET action = 'FORGED' WHERE seq = ${record.seq}`);
    await refused(`DELETE FROM audit_records WHERE seq = ${record.seq}`);
    // The anchors that seal the chains too; sealing one is an INSERT and works.
    await expect(sealAnchor(appData.manager)).resolves.toMatchObject({ sealed: true });
    await refused("UPDATE audit_anchors SET heads = '{}' WHERE seq = 1");
    await refused('DELETE FROM audit_anchors WHERE seq = 1');
    // A registry entry's history and the monitoring weights' versions are append-only as well.
    await refused("UPDATE registry_entry_versions SET content = '{}' WHERE 1 = 0");
    await refused('DELETE FROM registry_entry_versions WHERE 1 = 0');
    await refused("UPDATE registry_score_weights SET weights = '{}' WHERE 1 = 0");
    await refused('DROP TABLE cases');
    await refused('CREATE TABLE intruder (id INT)');
    await refused('ALTER TABLE audit_records ADD COLUMN note TEXT');
    await refused('SELECT * FROM migrations');
    expect(await trail.verify()).toMatchObject({ ok: true });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, migrationDbCredentials, temporalUsesTls } from './app-config';

const secrets = {
  JWT_SECRET: 'j'.repeat(32),
  INTAKE_SECRET: 'i'.repeat(32),
  PII_KEYS: 'k1:AAAA',
  PII_ACTIVE_KEY_ID: 'k1',
};

describe('loadConfig', () => {
  it('fills defaults and converts numbers', () => {
    const config = loadConfig({ ...secrets, API_PORT: '4010' });
    expect(config.API_PORT).toBe(4010);
    expect(config.DB_HOST).toBe('127.0.0.1');
    expect(config.TEMPORAL_TASK_QUEUE).toBe('cases');
  });

  it('names every missing or bad setting at once', () => {
    let error: unknown;
    try {
      loadConfig({ DB_PORT: 'abc', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['DB_PORT', 'JWT_SECRET', 'INTAKE_SECRET', 'PII_KEYS', 'PII_ACTIVE_KEY_ID']) expect(message).toContain(name);
  });
});

describe('loadConfig: security settings', () => {
  it('seeds demo data only when SEED_DEMO asks, whatever NODE_ENV says', () => {
    expect(loadConfig({ ...secrets }).SEED_DEMO).toBe(false);
    expect(loadConfig({ ...secrets, NODE_ENV: 'development' }).SEED_DEMO).toBe(false);
    expect(loadConfig({ ...secrets, SEED_DEMO: '1' }).SEED_DEMO).toBe(true);
    expect(() => loadConfig({ ...secrets, SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO/);
  });

  it('has defaults for the new limits and validates them', () => {
    const config = loadConfig({ ...secrets });
    expect(config).toMatchObject({
      RATE_LIMIT_STAFF_PER_MINUTE: 600,
      RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: 6,
      LOGIN_ATTEMPT_TTL_SECONDS: 86400,
      CALENDAR_BROADCAST_RETRY_SECONDS: 15,
      AUDIT_ANCHOR_SECONDS: 60,
      HEALTH_TOKEN: '',
    });
    expect(loadConfig({ ...secrets, AUDIT_ANCHOR_SECONDS: '0' }).AUDIT_ANCHOR_SECONDS).toBe(0);
    expect(() => loadConfig({ ...secrets, AUDIT_ANCHOR_SECONDS: '-1' })).toThrow(/AUDIT_ANCHOR_SECONDS/);
    expect(() => loadConfig({ ...secrets, RATE_LIMIT_STAFF_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_STAFF_PER_MINUTE/);
    expect(() => loadConfig({ ...secrets, LOGIN_ATTEMPT_TTL_SECONDS: '5' })).toThrow(/LOGIN_ATTEMPT_TTL_SECONDS/);
    expect(() => loadConfig({ ...secrets, HEALTH_TOKEN: 'short' })).toThrow(/HEALTH_TOKEN must be empty or at least 32 characters/);
    expect(loadConfig({ ...secrets, HEALTH_TOKEN: 'h'.repeat(32) }).HEALTH_TOKEN).toBe('h'.repeat(32));
  });
});

describe('loadConfig: database users', () => {
  it('migrates as DB_USER unless DB_MIGRATE_USER is set', () => {
    const own = loadConfig({ ...secrets, DB_USER: 'app', DB_PASSWORD: 'app-pw' });
    expect(migrationDbCredentials(own)).toEqual({ DB_USER: 'app', DB_PASSWORD: 'app-pw' });
    const separate = loadConfig({ ...secrets, DB_USER: 'app', DB_PASSWORD: 'app-pw', DB_MIGRATE_USER: 'migrator', DB_MIGRATE_PASSWORD: 'm-pw' });
    expect(migrationDbCredentials(separate)).toEqual({ DB_USER: 'migrator', DB_PASSWORD: 'm-pw' });
    expect(separate.DB_USER_HOST).toBe('%');
  });

  it('lets the migration job run without the application secrets, and still checks the rest', () => {
    expect(loadConfig({ DB_MIGRATE_USER: 'migrator' }, { appSecrets: false }).DB_MIGRATE_USER).toBe('migrator');
    expect(() => loadConfig({ DB_PORT: 'abc' }, { appSecrets: false })).toThrow(/DB_PORT/);
    expect(() => loadConfig({ DB_PORT: 'abc' }, { appSecrets: false })).not.toThrow(/JWT_SECRET/);
  });

  it('refuses a migration password without its user', () => {
    expect(() => loadConfig({ ...secrets, DB_MIGRATE_PASSWORD: 'm-pw' })).toThrow(/DB_MIGRATE_PASSWORD: set DB_MIGRATE_USER too/);
  });
});

describe('loadConfig: Temporal TLS and API key', () => {
  let dir: string;
  let cert: string;
  let key: string;
  let ca: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
    [cert, key, ca] = ['client.pem', 'client.key', 'ca.pem'].map((name) => {
      writeFileSync(join(dir, name), `-----BEGIN ${name}-----\n`);
      return join(dir, name);
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problems = (env: Record<string, string>): string => {
    try {
      loadConfig({ ...secrets, ...env });
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
  };

  it('is plain by default and TLS as soon as a file, TEMPORAL_TLS or an API key asks for it', () => {
    expect(temporalUsesTls(loadConfig({ ...secrets }))).toBe(false);
    expect(temporalUsesTls(loadConfig({ ...secrets, TEMPORAL_TLS: 'true' }))).toBe(true);
    expect(temporalUsesTls(loadConfig({ ...secrets, TEMPORAL_TLS_CA: ca }))).toBe(true);
    expect(temporalUsesTls(loadConfig({ ...secrets, TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key }))).toBe(true);
    expect(temporalUsesTls(loadConfig({ ...secrets, TEMPORAL_API_KEY: 'key-123' }))).toBe(true);
  });

  it('needs the certificate and its key together', () => {
    expect(problems({ TEMPORAL_TLS_CERT: cert })).toContain('TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY: a client certificate needs its key');
    expect(problems({ TEMPORAL_TLS_KEY: key })).toContain('a client certificate needs its key, and a key its certificate');
    expect(problems({ TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_CA: ca, TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal' })).toBe('');
  });

  it('names each file it cannot read', () => {
    const message = problems({ TEMPORAL_TLS_CERT: join(dir, 'missing.pem'), TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_CA: join(dir, 'no-ca.pem') });
    expect(message).toContain(`TEMPORAL_TLS_CERT: cannot read the file ${join(dir, 'missing.pem')}`);
    expect(message).toContain(`TEMPORAL_TLS_CA: cannot read the file ${join(dir, 'no-ca.pem')}`);
    expect(message).not.toContain('TEMPORAL_TLS_KEY: cannot read');
  });

  it('refuses a server name without TLS and an API key with white space', () => {
    expect(problems({ TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal' })).toContain('TEMPORAL_TLS_SERVER_NAME: only meaningful with TLS');
    expect(problems({ TEMPORAL_API_KEY: 'key-123\n' })).toContain('TEMPORAL_API_KEY: contains white space');
  });

  it('never puts a secret value in its message', () => {
    const apiKey = 'secret-api-key value';
    const jwt = 'short-jwt-secret';
    const message = problems({ TEMPORAL_API_KEY: apiKey, JWT_SECRET: jwt, DB_MIGRATE_PASSWORD: 'migrator-password', TEMPORAL_TLS_KEY: key });
    expect(message).toMatch(/TEMPORAL_API_KEY/);
    for (const secret of [apiKey, jwt, 'migrator-password']) expect(message).not.toContain(secret);
  });
});

describe('loadConfig: scaling settings', () => {
  it("defaults to the SDK's worker limits and a pool of 20, and validates them", () => {
    const config = loadConfig({ ...secrets });
    expect(config.DB_POOL_SIZE).toBe(20);
    expect(config.WORKER_MAX_WORKFLOW_TASKS).toBe(40);
    expect(config.WORKER_MAX_LOCAL_ACTIVITIES).toBe(100);
    expect(config.WORKER_MAX_ACTIVITIES).toBe(100);
    expect(config.WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
    expect(config.WORKER_IDENTITY).toBe('');

    const tuned = loadConfig({ ...secrets, DB_POOL_SIZE: '40', WORKER_MAX_WORKFLOW_TASKS: '8', WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_IDENTITY: 'worker-2' });
    expect([tuned.DB_POOL_SIZE, tuned.WORKER_MAX_WORKFLOW_TASKS, tuned.WORKER_MAX_CACHED_WORKFLOWS, tuned.WORKER_IDENTITY]).toEqual([40, 8, 0, 'worker-2']);

    // The SDK needs two workflow task slots while the cache is on.
    expect(() => loadConfig({ ...secrets, WORKER_MAX_WORKFLOW_TASKS: '1' })).toThrow(/WORKER_MAX_WORKFLOW_TASKS/);
    expect(() => loadConfig({ ...secrets, DB_POOL_SIZE: '0' })).toThrow(/DB_POOL_SIZE/);
    expect(() => loadConfig({ ...secrets, WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => loadConfig({ ...secrets, WORKER_MAX_LOCAL_ACTIVITIES: 'many' })).toThrow(/WORKER_MAX_LOCAL_ACTIVITIES/);
  });
});

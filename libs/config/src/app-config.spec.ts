import { ConfigError, loadConfig } from './app-config';

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
      HEALTH_TOKEN: '',
    });
    expect(() => loadConfig({ ...secrets, RATE_LIMIT_STAFF_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_STAFF_PER_MINUTE/);
    expect(() => loadConfig({ ...secrets, LOGIN_ATTEMPT_TTL_SECONDS: '5' })).toThrow(/LOGIN_ATTEMPT_TTL_SECONDS/);
    expect(() => loadConfig({ ...secrets, HEALTH_TOKEN: 'short' })).toThrow(/HEALTH_TOKEN must be empty or at least 32 characters/);
    expect(loadConfig({ ...secrets, HEALTH_TOKEN: 'h'.repeat(32) }).HEALTH_TOKEN).toBe('h'.repeat(32));
  });
});

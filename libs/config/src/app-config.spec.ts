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

import { randomBytes } from 'node:crypto';

/** Settings every test process runs with: a database of its own and throwaway secrets. */
export function testEnvironment(temporalAddress: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    SEED_DEMO: '1',
    DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
    DB_PORT: process.env.DB_PORT ?? '3306',
    DB_USER: process.env.DB_USER ?? 'root',
    DB_PASSWORD: process.env.DB_PASSWORD ?? '',
    // One database per run, so runs side by side do not meet.
    DB_NAME: `${process.env.DB_NAME ?? 'fingertip_cases'}_test_${process.pid}`,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: `cases-test-${process.pid}`,
    API_PORT: '0',
    // Parallel runs share the machine: no fixed ops ports (a test that scrapes picks free ones).
    METRICS_PORT: '0',
    WORKER_OPS_PORT: '0',
    TEMPORAL_METRICS_PORT: '0',
    // Failures only, as before the logs were JSON; a test that reads the logs captures them itself.
    LOG_LEVEL: 'error',
    // Every test client is 127.0.0.1: limits are tested on their own in abuse-resistance.e2e.ts.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_STAFF_PER_MINUTE: '100000',
    RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: '100000',
    JWT_SECRET: randomBytes(32).toString('hex'),
    INTAKE_SECRET: randomBytes(32).toString('hex'),
    PII_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'test1',
  };
}

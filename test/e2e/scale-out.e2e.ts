import { Client, Connection } from '@temporalio/client';
import { createConnection } from 'mysql2/promise';
import { loadConfig, type AppConfig } from '@app/config';
import { DEMO_PASSWORD, migrateDatabase } from '@app/database';
import { LifecycleDriver } from '../faults/support/lifecycle-driver';
import { verifyBatch, type VerifiedStack } from '../faults/support/verify';
import { http, login, startAppProcess, type AppProcess } from '../support/stack';

/**
 * Two workers and two API replicas, each a process of its own, on one Temporal server, one task queue and
 * one database (README "Scaling out"). The limits are small where this test checks them and every client
 * is 127.0.0.1, so the processes run with TRUST_PROXY and the checks name their client in X-Forwarded-For.
 */
const LIMITS = {
  TRUST_PROXY: 'true',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '200',
  RATE_LIMIT_LOGIN_PER_MINUTE: '60',
  RATE_LIMIT_STAFF_PER_MINUTE: '100000',
  RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: '100',
  LOGIN_MAX_FAILURES: '4',
  LOGIN_LOCKOUT_SECONDS: '60',
};
const CASES = 30;
const WORKERS = ['scale-worker-a', 'scale-worker-b'] as const;
const TOO_MANY = { statusCode: 429, error: 'Too Many Requests', code: 'TOO_MANY_REQUESTS' };

describe('scale-out: two workers and two API replicas on one Temporal and one database', () => {
  let config: AppConfig;
  let env: Record<string, string>;
  const processes: AppProcess[] = [];
  let apis: AppProcess[] = [];
  let workers: Record<(typeof WORKERS)[number], AppProcess>;
  let connection: Connection | undefined;
  let temporal: Client;

  beforeAll(async () => {
    const base = loadConfig();
    env = { ...LIMITS, DB_NAME: `${base.DB_NAME}_scale`, TEMPORAL_TASK_QUEUE: `${base.TEMPORAL_TASK_QUEUE}-scale`, SEED_DEMO: '1' };
    config = loadConfig({ ...process.env, ...env });
    const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
    await admin.query(`CREATE DATABASE \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    await migrateDatabase(config);

    const start = async (kind: 'api' | 'worker', name: string) => {
      const child = await startAppProcess(kind, { name, env: { ...env, ...(kind === 'worker' ? { WORKER_IDENTITY: name } : {}) } });
      processes.push(child);
      return child;
    };
    const [a, b, api1, api2] = await Promise.all([start('worker', WORKERS[0]), start('worker', WORKERS[1]), start('api', 'api-1'), start('api', 'api-2')]);
    workers = { [WORKERS[0]]: a, [WORKERS[1]]: b } as typeof workers;
    apis = [api1, api2];
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop(10_000)));
    await connection?.close();
    const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
    await admin.end();
  }, 60_000);

  it('counts the public rate limit across the replicas', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const limit = Number(LIMITS.RATE_LIMIT_PUBLIC_PER_MINUTE);
    const path = '/api/v1/public/cases/XX/progress';
    const statuses: number[] = [];
    // Half of the budget on each replica, eight at a time.
    for (let i = 0; i < limit; i += 8) {
      const batch = Array.from({ length: Math.min(8, limit - i) }, (_, k) => http(apis[(i + k) % 2].baseUrl!, 'POST', path, { body: { accessCode: '0000000000' }, headers: from }));
      statuses.push(...(await Promise.all(batch)).map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 404)).toEqual([]);
    for (const api of apis) {
      const over = await http(api.baseUrl!, 'POST', path, { body: { accessCode: '0000000000' }, headers: from });
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject(TOO_MANY);
    }
    // Another client still has its own budget.
    expect((await http(apis[1].baseUrl!, 'POST', path, { body: { accessCode: '0000000000' }, headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(404);
  });

  it('locks a username after LOGIN_MAX_FAILURES failures spread over both replicas', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const attempt = (i: number, password: string) => http(apis[i % 2].baseUrl!, 'POST', '/api/v1/auth/login', { body: { username: 'handler.sz', password }, headers: from });
    const failures = Number(LIMITS.LOGIN_MAX_FAILURES);
    for (let i = 0; i < failures; i++) expect((await attempt(i, 'wrong')).status).toBe(401);
    // Locked on both, even for the right password.
    for (let i = 0; i < 2; i++) {
      const locked = await attempt(i, DEMO_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ ...TOO_MANY, message: 'Too many failed logins; try again later' });
    }
  });

  it('carries a batch of full cases on both workers while one is killed, losing and duplicating nothing', async () => {
    const driver = new LifecycleDriver({
      baseUrl: apis[0].baseUrl!,
      baseUrls: apis.map((a) => a.baseUrl!),
      scenario: 'scale_out',
      cases: CASES,
      staggerMs: 60,
      deadlineAt: Date.now() + 150_000,
      // Each complaint is sent twice, 20 ms apart, the copies to different replicas: one case per key.
      impatientClients: true,
      requestTimeoutMs: 30_000,
    });
    const running = driver.run();
    // A third of the way: cases are open on both workers, with actions in flight.
    expect(await driver.waitFor((p) => p.actionsDone >= (CASES * 8) / 3 && p.actionsInFlight >= 2)).toBe(true);
    await workers[WORKERS[0]].kill('SIGKILL');
    const runs = await running;

    const target: VerifiedStack = {
      apiUrl: apis[1].baseUrl!,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      dbConnection: () => createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: config.DB_NAME, timezone: 'Z', supportBigNumbers: true }),
      temporalClient: async () => temporal,
      async verifyAudit() {
        const token = await login(apis[0].baseUrl!, 'admin');
        const verdict = await http(apis[1].baseUrl!, 'GET', '/api/v1/audit/verify', { token });
        return verdict.status === 200 && verdict.body.ok === true ? null : `GET /api/v1/audit/verify answered ${verdict.status} ${JSON.stringify(verdict.body)}`;
      },
      unexpectedExits: () => processes.filter((p) => p.unexpectedExit()).map((p) => `${p.name} ${p.unexpectedExit()}`),
    };
    const problems = await verifyBatch(target, runs);
    expect(problems).toEqual([]);

    // Both workers carried cases: their identities are in the histories (workflow tasks, and activities run on a worker).
    const byWorker: Record<string, number> = {};
    let handedOver = 0;
    for (const run of runs) {
      const history = await temporal.workflow.getHandle(`case-${run.caseId}`).fetchHistory();
      const identities = new Set<string>();
      for (const event of history.events ?? []) {
        const identity = event.workflowTaskCompletedEventAttributes?.identity ?? event.activityTaskStartedEventAttributes?.identity;
        if (identity) identities.add(identity);
      }
      for (const identity of identities) byWorker[identity] = (byWorker[identity] ?? 0) + 1;
      if (identities.size > 1) handedOver += 1;
    }
    expect(Object.keys(byWorker).sort()).toEqual([...WORKERS]);
    for (const name of WORKERS) expect(byWorker[name]).toBeGreaterThan(0);
    // Cases the killed worker had begun were finished by the other.
    expect(handedOver).toBeGreaterThan(0);
  }, 240_000);
});

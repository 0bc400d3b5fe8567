import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, DEMO_PASSWORD, migrateDatabase } from '@app/database';
import { ExpiredRowsSweeper } from '../../apps/api/src/abuse/expired-rows.sweeper';
import { http, login, startApiApp, type JsonResponse, type RunningApi } from '../support/stack';

// Small limits, read by loadConfig when the app module initialises.
const LIMITS = {
  RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100',
  RATE_LIMIT_STAFF_PER_MINUTE: '40',
  RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: '2',
  LOGIN_MAX_FAILURES: '3',
  LOGIN_LOCKOUT_SECONDS: '60',
};
const PUBLIC_PAGE = '/api/v1/public/cases/XX/progress';
const NO_CASE = { accessCode: '0000000000' };
// No other test file logs in as these two.
const LOCKED_USER = 'handler.sz';
const RESET_USER = 'handler.zj';
const UNKNOWN_USER = `nobody.${process.pid}`;
const EXPIRING_USER = `expiring.${process.pid}`;
const PARALLEL_USER = 'inspector.central';
const STAFF_USER = 'supervisor.central';

const attempt = (baseUrl: string, username: string, password: string) => http(baseUrl, 'POST', '/api/v1/auth/login', { body: { username, password } });

function expectTooMany(response: JsonResponse, message: string, maxSeconds: number): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message, code: 'TOO_MANY_REQUESTS' });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

/**
 * Rate limits, failed-login lockout and the HTTP hardening, through the real API app and MariaDB. The counters
 * live in the database and every test client is 127.0.0.1, so this file runs on a database of its own.
 */
describe('abuse resistance through the API', () => {
  const saved = new Map<string, string | undefined>();
  let api: RunningApi;
  let staffToken: string;
  let db: DataSource;
  let databaseName: string;

  const setEnv = (name: string, value: string | undefined) => {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };

  beforeAll(async () => {
    for (const [name, value] of Object.entries(LIMITS)) setEnv(name, value);
    databaseName = `${loadConfig().DB_NAME}_abuse`;
    setEnv('DB_NAME', databaseName);
    const config = loadConfig();
    const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await admin.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    await admin.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    await migrateDatabase(config);
    api = await startApiApp();
    db = await new DataSource(dataSourceOptions(config)).initialize();
    staffToken = await login(api.baseUrl, RESET_USER);
  });

  afterAll(async () => {
    await api?.app.close();
    await db?.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    await db?.destroy();
    for (const [name, value] of saved) setEnv(name, value);
  });

  it('limits the public endpoints per client together, with Retry-After, and not the staff endpoints', async () => {
    for (let i = 0; i < 5; i++) expect((await http(api.baseUrl, 'POST', PUBLIC_PAGE, { body: NO_CASE })).status).toBe(404);

    expectTooMany(await http(api.baseUrl, 'POST', PUBLIC_PAGE, { body: NO_CASE }), 'Too many requests; try again later', 60);
    // One budget for all public routes: a complaint from the same client is refused before it starts anything.
    expectTooMany(await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: {} }), 'Too many requests; try again later', 60);
    expectTooMany(await http(api.baseUrl, 'GET', '/api/v1/public/registry/lookup?q=%E7%A9%97'), 'Too many requests; try again later', 60);
    // Without TRUST_PROXY a forged X-Forwarded-For does not make a new client.
    expect((await http(api.baseUrl, 'POST', PUBLIC_PAGE, { body: NO_CASE, headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(429);

    for (let i = 0; i < 10; i++) expect((await http(api.baseUrl, 'GET', '/api/v1/cases', { token: staffToken })).status).toBe(200);
  });

  it('behind a proxy (TRUST_PROXY) takes the client from the address the proxy appended to X-Forwarded-For', async () => {
    setEnv('TRUST_PROXY', 'true');
    const proxied = await startApiApp().finally(() => setEnv('TRUST_PROXY', saved.get('TRUST_PROXY')));
    try {
      const from = (forwardedFor: string) => http(proxied.baseUrl, 'POST', PUBLIC_PAGE, { body: NO_CASE, headers: { 'x-forwarded-for': forwardedFor } });
      for (let i = 0; i < 5; i++) expect((await from('198.51.100.1')).status).toBe(404);
      expect((await from('198.51.100.1')).status).toBe(429);
      expect((await from('198.51.100.2')).status).toBe(404);
      // What the client wrote in front of the proxy's entry changes nothing.
      expect((await from('192.0.2.77, 198.51.100.1')).status).toBe(429);
    } finally {
      await proxied.app.close();
    }
  });

  it('shares the rate-limit budget among API replicas', async () => {
    const replica = await startApiApp();
    try {
      // The first test spent this client's public budget on the first replica: the second one knows.
      expectTooMany(await http(replica.baseUrl, 'POST', PUBLIC_PAGE, { body: NO_CASE }), 'Too many requests; try again later', 60);
    } finally {
      await replica.app.close();
    }
  });

  it('locks a username after LOGIN_MAX_FAILURES wrong passwords, so even the right one gets 429', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt(api.baseUrl, LOCKED_USER, 'wrong');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong username or password', code: 'WRONG_CREDENTIALS' });
    }
    expectTooMany(await attempt(api.baseUrl, LOCKED_USER, DEMO_PASSWORD), 'Too many failed logins; try again later', 60);
    expectTooMany(await attempt(api.baseUrl, LOCKED_USER, 'wrong'), 'Too many failed logins; try again later', 60);
  });

  it('counts parallel guesses before checking them: no more reach the password check than serial ones', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => attempt(api.baseUrl, PARALLEL_USER, 'wrong')));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(9).fill(429)]);
    // Locked now, even for the right password.
    expectTooMany(await attempt(api.baseUrl, PARALLEL_USER, DEMO_PASSWORD), 'Too many failed logins; try again later', 60);
  });

  it('keeps the lock in the database, so another API replica refuses the username too', async () => {
    const replica = await startApiApp();
    try {
      expectTooMany(await attempt(replica.baseUrl, LOCKED_USER, DEMO_PASSWORD), 'Too many failed logins; try again later', 60);
    } finally {
      await replica.app.close();
    }
  });

  it('treats an unknown username exactly like a known one', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt(api.baseUrl, UNKNOWN_USER, 'wrong');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong username or password', code: 'WRONG_CREDENTIALS' });
    }
    expectTooMany(await attempt(api.baseUrl, UNKNOWN_USER, DEMO_PASSWORD), 'Too many failed logins; try again later', 60);
  });

  it('lets a lock run out after LOGIN_LOCKOUT_SECONDS, and then counts from one again', async () => {
    setEnv('LOGIN_LOCKOUT_SECONDS', '1');
    const shortLock = await startApiApp().finally(() => setEnv('LOGIN_LOCKOUT_SECONDS', LIMITS.LOGIN_LOCKOUT_SECONDS));
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(shortLock.baseUrl, EXPIRING_USER, 'wrong')).status).toBe(401);
      expectTooMany(await attempt(shortLock.baseUrl, EXPIRING_USER, 'wrong'), 'Too many failed logins; try again later', 1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      // A full new round of failures before the next lock: the old count is gone.
      for (let i = 0; i < 3; i++) expect((await attempt(shortLock.baseUrl, EXPIRING_USER, 'wrong')).status).toBe(401);
      expect((await attempt(shortLock.baseUrl, EXPIRING_USER, 'wrong')).status).toBe(429);
    } finally {
      await shortLock.app.close();
    }
  });

  it('forgets the failures after a successful login', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await attempt(api.baseUrl, RESET_USER, 'wrong')).status).toBe(401);
      expect((await attempt(api.baseUrl, RESET_USER, DEMO_PASSWORD)).status).toBe(200);
    }
  });

  it('forgets old login counts and deletes their rows, but never a running lock', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000);
    await db.query('INSERT INTO login_attempts (username, failures, locked_until, last_failure_at) VALUES (?, 2, NULL, ?), (?, 3, ?, ?)', [
      'stale.count', old, 'stale.locked', new Date(Date.now() + 3_600_000), old,
    ]);
    // A stale count does not carry over: three more failures are needed before the lock.
    await db.query('INSERT INTO login_attempts (username, failures, locked_until, last_failure_at) VALUES (?, 2, NULL, ?)', [`${UNKNOWN_USER}.stale`, old]);
    for (let i = 0; i < 3; i++) expect((await attempt(api.baseUrl, `${UNKNOWN_USER}.stale`, 'wrong')).status).toBe(401);
    expect((await attempt(api.baseUrl, `${UNKNOWN_USER}.stale`, 'wrong')).status).toBe(429);

    const swept = await api.app.get(ExpiredRowsSweeper).sweep();
    expect(swept.loginAttempts).toBeGreaterThanOrEqual(1);
    const left = (await db.query('SELECT username FROM login_attempts WHERE username LIKE ?', ['stale.%'])) as { username: string }[];
    expect(left.map((r) => r.username)).toEqual(['stale.locked']);
  });

  it('limits each staff user on the staff routes, and /audit/verify more tightly', async () => {
    const token = await login(api.baseUrl, STAFF_USER);
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await http(api.baseUrl, 'GET', '/api/v1/notifications', { token })).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    // Per user: another official from the same address is not held back.
    expect((await http(api.baseUrl, 'GET', '/api/v1/notifications', { token: staffToken })).status).toBe(200);

    const admin = await login(api.baseUrl, 'admin');
    expect((await http(api.baseUrl, 'GET', '/api/v1/audit/verify', { token: admin })).status).toBe(200);
    expect((await http(api.baseUrl, 'GET', '/api/v1/audit/verify', { token: admin })).status).toBe(200);
    const limited = await http(api.baseUrl, 'GET', '/api/v1/audit/verify', { token: admin });
    expectTooMany(limited, 'Too many requests; try again later', 60);
  });

  it('sends security headers and refuses a body over 64 kB with the error shape', async () => {
    const health = await fetch(`${api.baseUrl}/health`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('SAMEORIGIN');

    const tooLarge = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: { description: 'x'.repeat(70 * 1024) } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String), code: 'TOO_LARGE' });
  });

  // Last: it spends the client's login budget.
  it('limits login requests per client', async () => {
    const statuses: number[] = [];
    let limited: JsonResponse | undefined;
    for (let i = 0; i < 101 && !limited; i++) {
      // An empty body fails validation quickly, but the guard has counted it by then.
      const response = await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: {} });
      if (response.status === 429) limited = response;
      else statuses.push(response.status);
    }
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(limited).toBeDefined();
    expectTooMany(limited!, 'Too many requests; try again later', 60);
  });
});

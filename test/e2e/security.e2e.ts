import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { hash as bcryptHash } from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { calendarBroadcastWorkflowId } from '@app/calendar';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import { CalendarBroadcasts } from '../../apps/api/src/calendar-admin/calendar-broadcasts.service';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';
import { freePort } from '../../scripts/free-port';

const PASSWORD = 'Secret12345';
const HEALTH_TOKEN = randomBytes(24).toString('hex');
const tag = `${process.pid % 100000}`;

/** Days from `first` ('YYYY-MM-DD'), `count` of them, all holidays. */
function holidays(first: string, count: number, name = '测试假期'): { date: string; workday: boolean; name: string }[] {
  const start = Date.parse(first);
  return Array.from({ length: count }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), workday: false, name }));
}

/** Tokens, passwords, reach of settings and records, /health, the calendar outbox: through the real stack. */
describe('security through the API', () => {
  const saved = new Map<string, string | undefined>();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let central: string;
  const orgs = new Map<string, number>();

  const setEnv = (name: string, value: string | undefined) => {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  const restoreEnv = (name: string) => setEnv(name, saved.get(name));

  async function createUser(token: string, username: string, role: string, org: string): Promise<{ status: number; body: { id: number } }> {
    return http(api.baseUrl, 'POST', '/api/v1/admin/users', { token, body: { username, displayName: username, role, organizationId: orgs.get(org), password: PASSWORD } });
  }

  async function loginAs(username: string, password = PASSWORD): Promise<string> {
    const response = await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login as ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }

  beforeAll(async () => {
    setEnv('HEALTH_TOKEN', HEALTH_TOKEN);
    // The test starts pending calendar broadcasts itself.
    setEnv('CALENDAR_BROADCAST_RETRY_SECONDS', '3600');
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    central = await login(api.baseUrl, 'admin');
    const tree = await http(api.baseUrl, 'GET', '/api/v1/admin/organizations', { token: central });
    for (const org of tree.body as { id: number; name: string }[]) orgs.set(org.name, org.id);
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
    for (const name of [...saved.keys()]) restoreEnv(name);
  });

  describe('tokens and passwords', () => {
    it('voids older tokens at once on a password reset, a role change and a deactivation, even after reactivation', async () => {
      const username = `tokens.${tag}`;
      const created = await createUser(central, username, 'HANDLER', '广州市网信办');
      expect(created.status).toBe(201);
      const id = created.body.id;
      const patch = (body: unknown) => http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${id}`, { token: central, body });
      const works = async (token: string) => (await http(api.baseUrl, 'GET', '/api/v1/notifications', { token })).status;

      const first = await loginAs(username);
      expect(await works(first)).toBe(200);
      expect((await patch({ displayName: '改名' })).status).toBe(200);
      expect(await works(first)).toBe(200); // nothing that matters for access changed

      expect((await patch({ password: 'Another12345' })).status).toBe(200);
      expect(await works(first)).toBe(401);
      const second = await loginAs(username, 'Another12345');
      expect(await works(second)).toBe(200);

      expect((await patch({ role: 'SUPERVISOR' })).status).toBe(200);
      expect(await works(second)).toBe(401);
      const third = await loginAs(username, 'Another12345');

      expect((await patch({ active: false })).status).toBe(200);
      expect((await patch({ active: true })).status).toBe(200);
      expect(await works(third)).toBe(401);
      expect(await works(await loginAs(username, 'Another12345'))).toBe(200);
    });

    it('stores argon2id hashes, upgrades a bcrypt hash at the next login, and refuses a password bcrypt would cut', async () => {
      const username = `legacy.${tag}`;
      const created = await createUser(central, username, 'HANDLER', '广州市网信办');
      const stored = async () => ((await db.query('SELECT password_hash FROM users WHERE id = ?', [created.body.id])) as { password_hash: string }[])[0].password_hash;
      expect(await stored()).toMatch(/^\$argon2id\$/);

      await db.query('UPDATE users SET password_hash = ? WHERE id = ?', [await bcryptHash('Legacy12345', 4), created.body.id]);
      await loginAs(username, 'Legacy12345');
      expect(await stored()).toMatch(/^\$argon2id\$/);
      await loginAs(username, 'Legacy12345');

      // bcrypt reads 72 bytes: with it alone, anything after them would be accepted.
      const long = 'L0ng'.repeat(18);
      await db.query('UPDATE users SET password_hash = ? WHERE id = ?', [await bcryptHash(long, 4), created.body.id]);
      expect((await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { username, password: `${long}-and-more` } })).status).toBe(401);
      await loginAs(username, long);
    });

    it('answers 409 for a taken username, even when the requests race', async () => {
      const username = `twice.${tag}`;
      const answers = await Promise.all(Array.from({ length: 4 }, () => createUser(central, username, 'HANDLER', '广州市网信办')));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
      expect((await createUser(central, username, 'HANDLER', '广州市网信办')).status).toBe(409);
    });
  });

  describe('reach of settings, records and accounts', () => {
    let provincial: string;
    let city: string;
    let zhejiang: string;

    beforeAll(async () => {
      expect((await createUser(central, `admin.gd.${tag}`, 'ADMIN', '广东省网信办')).status).toBe(201);
      expect((await createUser(central, `admin.gz.${tag}`, 'ADMIN', '广州市网信办')).status).toBe(201);
      expect((await createUser(central, `admin.zj.${tag}`, 'ADMIN', '浙江省网信办')).status).toBe(201);
      [provincial, city, zhejiang] = await Promise.all([loginAs(`admin.gd.${tag}`), loginAs(`admin.gz.${tag}`), loginAs(`admin.zj.${tag}`)]);
    });

    it('lets only the central office change SLA policies and the calendar', async () => {
      const policy = { terms: { timeUnit: 'WORKING_DAY' } };
      for (const token of [provincial, city]) {
        const publish = await http(api.baseUrl, 'POST', '/api/v1/admin/sla-policies', { token, body: policy });
        expect(publish).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Only the central office changes national settings' } });
        const calendar = await http(api.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token, body: { days: holidays('2031-05-06', 1) } });
        expect(calendar.status).toBe(403);
        // Reading them stays open to every administrator.
        expect((await http(api.baseUrl, 'GET', '/api/v1/admin/sla-policies', { token })).status).toBe(200);
        expect((await http(api.baseUrl, 'GET', '/api/v1/admin/calendar/overrides', { token })).status).toBe(200);
      }
      expect((await http(api.baseUrl, 'GET', '/api/v1/admin/calendar/overrides?from=2031-05-06&to=2031-05-06', { token: central })).body).toEqual([]);
    });

    it('leaves a discipline body\'s accounts to the level above the office it supervises', async () => {
      const disciplineGz = ((await db.query('SELECT id FROM users WHERE username = ?', ['discipline.gz'])) as { id: number }[])[0].id;
      // The Guangzhou office may not manage the body that supervises it…
      expect((await createUser(city, `discipline.new.${tag}`, 'DISCIPLINE_OFFICER', '广州市纪委监委派驻纪检监察组')).status).toBe(403);
      expect((await http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${disciplineGz}`, { token: city, body: { active: false } })).status).toBe(403);
      const listed = await http(api.baseUrl, 'GET', '/api/v1/admin/users', { token: city });
      expect(listed.body.map((u: { username: string }) => u.username)).not.toContain('discipline.gz');
      // …the province above it may, but not the body that supervises the province itself.
      expect((await createUser(provincial, `discipline.new.${tag}`, 'DISCIPLINE_OFFICER', '广州市纪委监委派驻纪检监察组')).status).toBe(201);
      expect((await http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${disciplineGz}`, { token: provincial, body: { displayName: '广州纪检监察员' } })).status).toBe(200);
      expect((await createUser(provincial, `discipline.gd.${tag}`, 'DISCIPLINE_OFFICER', '广东省纪委监委派驻纪检监察组')).status).toBe(403);
      expect((await createUser(central, `discipline.gd.${tag}`, 'DISCIPLINE_OFFICER', '广东省纪委监委派驻纪检监察组')).status).toBe(201);
    });

    it('scopes audit reads to the reader\'s reach: cases in reach, a discipline body its referrals\' cases', async () => {
      const handler = await login(api.baseUrl, 'handler.gz');
      const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
        body: { category: 'FORCED_USE', subjectType: 'APP', subjectName: `审计范围App${tag}`, regionCode: '440104', description: '强制下载并每日打卡。', anonymous: true },
      });
      const caseId = created.body.caseId as string;
      const act = (action: string, body: unknown) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: handler, body });
      await eventually(async () => expect((await act('accept', {})).status).toBe(200));
      expect((await act('dispatch', { investigatingOrgId: orgs.get('广州市网信办'), hostUnitId: orgs.get('广州市某区政务服务数据管理局') })).status).toBe(200);
      expect((await act('finding', { result: 'SUBSTANTIATED', severity: 'SERIOUS', summary: '强制使用' })).status).toBe(200);

      const trail = (token: string) => http(api.baseUrl, 'GET', `/api/v1/audit?caseId=${caseId}`, { token });
      const actions = async (token: string) => (await trail(token)).body.items.map((r: { action: string }) => r.action);
      await eventually(async () => expect(await actions(await login(api.baseUrl, 'discipline.gz'))).toContain('case.SUBMITTED'));
      expect(await actions(central)).toContain('case.SUBMITTED');
      expect(await actions(provincial)).toContain('case.SUBMITTED');
      expect(await actions(city)).toContain('case.SUBMITTED');
      // Zhejiang's administrator and the Guangdong discipline body (not referred to) see nothing of it.
      expect(await trail(zhejiang)).toMatchObject({ status: 200, body: { items: [] } });
      expect(await trail(await login(api.baseUrl, 'discipline.gd'))).toMatchObject({ status: 200, body: { items: [] } });

      // Records outside any case: those made within the reader's subtree only.
      const userRecords = async (token: string) => (await http(api.baseUrl, 'GET', '/api/v1/audit?action=user.CREATED&limit=500', { token })).body.items as { actorOrgId: number }[];
      expect((await userRecords(central)).length).toBeGreaterThan(0);
      expect(await userRecords(zhejiang)).toEqual([]);
      const byProvince = await userRecords(provincial);
      expect(byProvince.length).toBeGreaterThan(0);
      const guangdong = new Set(((await http(api.baseUrl, 'GET', '/api/v1/admin/organizations', { token: provincial })).body as { id: number }[]).map((o) => o.id));
      expect(byProvince.map((r) => r.actorOrgId)).toContain(orgs.get('广东省网信办'));
      expect(byProvince.filter((r) => !guangdong.has(r.actorOrgId))).toEqual([]);
    });
  });

  describe('/health', () => {
    it('tells the public up or down only, and ops (this host, or the token) every part', async () => {
      const proxied = { 'x-forwarded-for': '203.0.113.5' };
      expect(await http(api.baseUrl, 'GET', '/health', { headers: proxied })).toMatchObject({ status: 200, body: { status: 'up' } });
      expect((await http(api.baseUrl, 'GET', '/health', { headers: proxied })).body).toEqual({ status: 'up' });
      expect((await http(api.baseUrl, 'GET', '/health', { headers: { ...proxied, authorization: 'Bearer wrong' } })).body).toEqual({ status: 'up' });
      const ops = { status: 'ok', database: { status: 'up' }, temporal: { status: 'up' }, stalledCases: { status: 'up', count: expect.any(Number) } };
      expect((await http(api.baseUrl, 'GET', '/health', { headers: { ...proxied, authorization: `Bearer ${HEALTH_TOKEN}` } })).body).toEqual(ops);
      expect((await http(api.baseUrl, 'GET', '/health')).body).toEqual(ops);
    });
  });

  describe('calendar overrides', () => {
    it('refuses a run of more than 31 days off with a clear 400, also when it joins stored overrides', async () => {
      const long = await http(api.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token: central, body: { days: holidays('2032-03-01', 32) } });
      expect(long).toMatchObject({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', details: [{ field: 'days', reason: expect.stringMatching(/^2032-02-28 to 2032-04-01 would be 34 days off in a row; at most 31/) }] },
      });
      expect((await http(api.baseUrl, 'GET', '/api/v1/admin/calendar/overrides?from=2032-03-01&to=2032-04-30', { token: central })).body).toEqual([]);

      expect((await http(api.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token: central, body: { days: holidays('2032-03-01', 20) } })).status).toBe(200);
      const joined = await http(api.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token: central, body: { days: holidays('2032-03-22', 15) } });
      expect(joined.status).toBe(400);
      expect(joined.body.details[0].reason).toMatch(/days off in a row; at most 31/);
      expect((await http(api.baseUrl, 'GET', '/api/v1/admin/calendar/overrides?from=2032-03-01&to=2032-04-30', { token: central })).body).toHaveLength(20);
    });

    it('answers 503 while Temporal is down, keeps the broadcast, and starts it once when Temporal answers', async () => {
      setEnv('TEMPORAL_ADDRESS', `127.0.0.1:${await freePort()}`);
      const cut = await startApiApp().finally(() => restoreEnv('TEMPORAL_ADDRESS'));
      let broadcastId: string;
      try {
        const token = await login(cut.baseUrl, 'admin');
        const day = holidays('2033-06-07', 1, '停机测试');
        const saved = await http(cut.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token, body: { days: day } });
        expect(saved).toMatchObject({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/saved.*retried/) } });
        // Saved with its broadcast in one transaction.
        const pending = (await db.query('SELECT id FROM calendar_broadcasts WHERE started_at IS NULL ORDER BY requested_at DESC LIMIT 1')) as { id: string }[];
        expect(pending).toHaveLength(1);
        broadcastId = pending[0].id;
        expect((await http(api.baseUrl, 'GET', '/api/v1/admin/calendar/overrides?from=2033-06-07&to=2033-06-07', { token: central })).body).toEqual([
          { date: '2033-06-07', workday: false, name: '停机测试', updatedBy: expect.any(Number), updatedAt: expect.any(String) },
        ]);
        expect((await http(cut.baseUrl, 'GET', '/health')).body).toMatchObject({ status: 'degraded', temporal: { status: 'down' } });
        expect(await http(cut.baseUrl, 'GET', '/health', { headers: { 'x-forwarded-for': '203.0.113.5' } })).toMatchObject({ status: 503, body: { status: 'down' } });
        // Its own retries fail too while Temporal stays out of reach (this file's other replica waits an hour between sweeps).
        await expect(cut.app.get(CalendarBroadcasts).startPending()).resolves.toBe(0);
        expect((await db.query('SELECT started_at FROM calendar_broadcasts WHERE id = ?', [broadcastId]))[0].started_at).toBeNull();
      } finally {
        await cut.app.close();
      }

      // Two replicas that reach Temporal start it at the same moment: one broadcast.
      const replica = await startApiApp();
      try {
        await Promise.all([api.app.get(CalendarBroadcasts).startPending(), replica.app.get(CalendarBroadcasts).startPending()]);
      } finally {
        await replica.app.close();
      }
      const [row] = (await db.query('SELECT started_at, attempts FROM calendar_broadcasts WHERE id = ?', [broadcastId])) as { started_at: Date | null; attempts: number }[];
      expect(row.started_at).not.toBeNull();
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      const client = api.app.get(Client);
      const workflowId = calendarBroadcastWorkflowId(broadcastId);
      await eventually(async () => {
        const runs: string[] = [];
        for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run.runId);
        expect(runs).toHaveLength(1);
      });
    }, 60_000);
  });

  describe('demo data', () => {
    it('is seeded only when SEED_DEMO asks for it', async () => {
      const config = loadConfig();
      const name = `${config.DB_NAME}_seed`;
      const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
        // NODE_ENV is not production here, and still nothing is seeded without SEED_DEMO.
        const unset = loadConfig({ ...process.env, DB_NAME: name, NODE_ENV: 'development', SEED_DEMO: undefined });
        expect(await migrateDatabase(unset)).toMatchObject({ seeded: false });
        const [rows] = await admin.query(`SELECT COUNT(*) AS users FROM \`${name}\`.users`);
        expect(Number((rows as { users: number }[])[0].users)).toBe(0);
        expect(await migrateDatabase({ ...unset, SEED_DEMO: true })).toMatchObject({ seeded: true });
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      }
    });
  });
});

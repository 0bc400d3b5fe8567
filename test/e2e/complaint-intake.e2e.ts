import type { INestApplicationContext } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CaseEntity, CaseIntakeEntity, dataSourceOptions } from '@app/database';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const complaint = {
  category: 'FORCED_CHECKIN',
  subjectType: 'WORK_GROUP',
  subjectName: '某街道防汛工作群',
  regionCode: '440105',
  description: '要求每天在工作群里打卡接龙并截图上报，晚上十点后仍要求即时回复。',
  anonymous: false,
  complainant: { name: '张三', phone: '13812345678' },
};

/** A complaint through HTTP, the real API and worker apps, Temporal and MariaDB. */
describe('complaint intake through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let guangzhouHandler: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    guangzhouHandler = await login(api.baseUrl, 'handler.gz');
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('creates a case that the handler of its region reads back with its timeline', async () => {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ caseId: expect.any(String), caseNo: expect.stringMatching(/^FT\d{8}-/), accessCode: expect.any(String) });

    const detail = await eventually(async () => {
      const response = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: guangzhouHandler });
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      return response.body;
    });
    expect(detail).toMatchObject({
      caseNo: created.body.caseNo,
      stage: 'SUBMITTED',
      status: 'OPEN',
      complainant: { name: '张*', phone: '138****5678' },
      timeline: [expect.objectContaining({ seq: 1, type: 'SUBMITTED' })],
    });
  });

  it('makes one case for a retried submission with the same Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': `e2e-retry-${Date.now()}` };
    const first = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint, headers });
    const again = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint, headers });

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    await eventually(async () => expect(await db.getRepository(CaseEntity).countBy({ id: first.body.caseId })).toBe(1));

    const changed = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: { ...complaint, subjectName: '另一个群' }, headers });
    expect(changed.status).toBe(422);
  });

  it('answers a key replayed after Temporal dropped the workflow with the existing case, from MySQL, and starts no second workflow', async () => {
    const headers = { 'Idempotency-Key': `e2e-retention-${Date.now()}` };
    const first = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint, headers });
    expect(first.status).toBe(201);
    await eventually(async () => db.getRepository(CaseEntity).findOneByOrFail({ id: first.body.caseId }));

    // What retention does, on the real server: the workflow and its history are gone.
    const config = loadConfig();
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      const workflowId = `case-${first.body.caseId}`;
      await client.workflow.getHandle(workflowId).terminate('retention, as in production');
      await client.workflowService.deleteWorkflowExecution({ namespace: config.TEMPORAL_NAMESPACE, workflowExecution: { workflowId } });
      const gone = async () => {
        await expect(client.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
      };
      await eventually(gone, 90_000); // the dev server takes about half a minute to delete it

      const again = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint, headers });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const changed = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: { ...complaint, subjectName: '另一个群' }, headers });
      expect(changed.status).toBe(422);

      await new Promise((r) => setTimeout(r, 1_000));
      await gone(); // no second workflow for the case
      expect(await db.getRepository(CaseEntity).countBy({ caseNo: first.body.caseNo })).toBe(1);
    } finally {
      await connection.close();
    }
  }, 150_000);

  it('numbers complaints submitted at once in sequence, and every one registers under its number', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, () => http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint })));
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = created.map((r) => r.body.caseNo as string);
    expect(new Set(numbers).size).toBe(20);
    const days = new Set(numbers.map((n) => n.slice(0, 10)));
    if (days.size === 1) {
      // Within one Beijing day the numbers are consecutive: a counter, not a hash that two cases can share.
      const seqs = numbers.map((n) => Number(n.slice(11))).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    }
    await eventually(async () => {
      const rows = await db.getRepository(CaseEntity).find({ where: created.map((r) => ({ id: r.body.caseId })), select: { id: true, caseNo: true } });
      expect(new Map(rows.map((r) => [r.id, r.caseNo]))).toEqual(new Map(created.map((r) => [r.body.caseId, r.body.caseNo])));
    });
    expect(await db.getRepository(CaseIntakeEntity).countBy(created.map((r) => ({ caseId: r.body.caseId })))).toBe(20);
  });

  it('makes one case when the same submission arrives twice at once', async () => {
    const headers = { 'Idempotency-Key': `e2e-twice-${Date.now()}` };
    const [a, b] = await Promise.all([0, 1].map(() => http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint, headers })));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    await eventually(async () => expect(await db.getRepository(CaseEntity).countBy({ id: a.body.caseId })).toBe(1));
  });

  it('keeps the complainant sealed everywhere: no table of the database and no workflow history holds the name or phone in clear', async () => {
    const secret = { name: '欧阳明月', phone: '13700001234' };
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: { ...complaint, complainant: secret } });
    await eventually(async () => db.getRepository(CaseEntity).findOneByOrFail({ id: created.body.caseId }));

    const columns: { TABLE_NAME: string; COLUMN_NAME: string }[] = await db.query(
      `SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char','varchar','text','mediumtext','longtext','json')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    for (const { TABLE_NAME, COLUMN_NAME } of columns) {
      for (const needle of [secret.name, secret.phone, secret.phone.slice(3)]) {
        const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM \`${TABLE_NAME}\` WHERE \`${COLUMN_NAME}\` LIKE ?`, [`%${needle}%`]);
        expect(`${TABLE_NAME}.${COLUMN_NAME} holds ${needle}: ${Number(n) > 0}`).toBe(`${TABLE_NAME}.${COLUMN_NAME} holds ${needle}: false`);
      }
    }

    const connection = await Connection.connect({ address: loadConfig().TEMPORAL_ADDRESS });
    try {
      const history = await new Client({ connection }).workflow.getHandle(`case-${created.body.caseId}`).fetchHistory();
      const text = payloadText(history);
      expect(text).toContain(created.body.caseNo); // the payloads were read
      expect(text).not.toContain(secret.phone);
      expect(text).not.toContain(secret.name);
    } finally {
      await connection.close();
    }

    // Staff see it masked.
    const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: guangzhouHandler });
    expect(detail.body.complainant).toEqual({ name: '欧***', phone: '137****1234' });
  });

  it('answers 404 to an official outside the jurisdiction and 401 without a token', async () => {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint });
    await eventually(async () => db.getRepository(CaseEntity).findOneByOrFail({ id: created.body.caseId }));
    const hangzhouHandler = await login(api.baseUrl, 'handler.hz');

    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: hangzhouHandler })).status).toBe(404);
    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`)).status).toBe(401);
    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('rejects bad input with the error shape and writes nothing', async () => {
    const before = await db.getRepository(CaseEntity).count();
    const bad = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: { ...complaint, regionCode: '999999', category: 'NOPE', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['category', 'extra']));

    // A real division (Beijing's 东城区) that no office of the demo tree serves.
    const unknownRegion = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: { ...complaint, regionCode: '110101' } });
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.body.details).toEqual([{ field: 'regionCode', reason: 'unknown region' }]);
    expect(await db.getRepository(CaseEntity).count()).toBe(before);
  });

  it('logs in with a password and refuses a wrong one', async () => {
    const wrong = await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { username: 'handler.gz', password: 'wrong' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('reports the database and Temporal healthy', async () => {
    const health = await http(api.baseUrl, 'GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', database: { status: 'up' }, temporal: { status: 'up' } } });
  });
});

/** Every payload in a workflow history, decoded to text. */
function payloadText(node: unknown): string {
  if (node instanceof Uint8Array) return Buffer.from(node).toString('utf8');
  if (Array.isArray(node)) return node.map(payloadText).join('\n');
  if (node && typeof node === 'object') return Object.values(node).map(payloadText).join('\n');
  return '';
}

import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, OrganizationEntity } from '@app/database';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

/**
 * No case stalls in silence (README, "Stalled cases"), on the real API, worker, Temporal and MariaDB:
 * an effect the database refuses for good stalls the case visibly within seconds, instead of retrying
 * forever; a retry after the cause is removed resumes it.
 */
describe('stalled cases through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let org: Record<'gz' | 'gzHost', number>;
  // The data the database will refuse: a reply that a CHECK constraint, added by the test, forbids.
  const REFUSED_REPLY = `E2E-STALL-${process.pid}`;
  const CONSTRAINT = 'chk_e2e_stalled_reply';

  const as = (user: string) => tokens[user];
  const act = (user: string, caseId: string, action: string, body: unknown = {}) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: as(user), body });
  const detail = (caseId: string) => http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('supervisor.gz') });
  const stalledCount = async () => (await http(api.baseUrl, 'GET', '/health')).body.stalledCases.count as number;
  const stalledList = async () => (await http(api.baseUrl, 'GET', '/api/v1/cases?stalled=true&pageSize=100', { token: as('supervisor.gz') })).body.items.map((c: { id: string }) => c.id) as string[];

  /** A public complaint taken to FEEDBACK (an unsubstantiated finding): the next step is the handler's reply. */
  async function toFeedback(subjectName: string): Promise<{ caseId: string; caseNo: string; accessCode: string }> {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'FORCED_CHECKIN', subjectType: 'WORK_GROUP', subjectName, regionCode: '440104', description: '要求每天在工作群打卡接龙。', anonymous: false, complainant: { name: '赵六', phone: '13700003333' } },
    });
    expect(created.status).toBe(201);
    const { caseId } = created.body;
    await eventually(async () => expect((await act('handler.gz', caseId, 'accept', { note: '受理' })).status).toBe(200));
    expect((await act('handler.gz', caseId, 'dispatch', { investigatingOrgId: org.gz, hostUnitId: org.gzHost })).status).toBe(200);
    expect((await act('handler.gz', caseId, 'finding', { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: '未发现' })).body).toMatchObject({ step: 'FEEDBACK' });
    return created.body;
  }

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    for (const user of ['handler.gz', 'supervisor.gz', 'admin']) tokens[user] = await login(api.baseUrl, user);
    const orgs = await db.getRepository(OrganizationEntity).find();
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    org = { gz: id('广州市网信办'), gzHost: id('广州市某区政务服务数据管理局') };
  });

  afterAll(async () => {
    await db?.query(`ALTER TABLE cases DROP CONSTRAINT IF EXISTS ${CONSTRAINT}`).catch(() => undefined);
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('supervise while the case is in REVISIT, then the complainant evaluates: both answer at once', async () => {
    const { caseId, caseNo, accessCode } = await toFeedback('回访督办工作群');
    expect((await act('handler.gz', caseId, 'reply', { content: '经核查未发现。' })).body).toMatchObject({ step: 'REVISIT' });
    const supervised = await act('supervisor.gz', caseId, 'supervise', { note: '请关注回访' });
    expect(supervised).toMatchObject({ status: 200, body: { step: 'REVISIT', supervised: true, stalled: null } });
    const evaluated = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/evaluation`, { body: { accessCode, satisfaction: 'SATISFIED' } });
    expect(evaluated).toMatchObject({ status: 200, body: { status: 'CLOSED', outcome: 'RESOLVED' } });
    // The supervision order reached the handling office.
    const orders = await db.query("SELECT COUNT(*) AS n FROM notifications WHERE case_id = ? AND notice = 'SUPERVISION_ORDER'", [caseId]);
    expect(Number(orders[0].n)).toBeGreaterThan(0);
  });

  it('a write the database refuses for good stalls the case within seconds, visibly; the retry resumes it once the cause is removed', async () => {
    const { caseId, caseNo, accessCode } = await toFeedback('停滞测试工作群');
    const stalledBefore = await stalledCount();
    await db.query(`ALTER TABLE cases ADD CONSTRAINT ${CONSTRAINT} CHECK (reply IS NULL OR reply <> '${REFUSED_REPLY}')`);

    // The reply's projection is refused: the action is told at once, not after a 30 s timeout.
    const started = Date.now();
    const replied = await act('handler.gz', caseId, 'reply', { content: REFUSED_REPLY });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(replied.status).toBe(409);
    expect(replied.body.message).toBe(`the case is stalled: carryOutDecision: ER_CONSTRAINT_FAILED on constraint ${CONSTRAINT}; the reply is kept and completes once the case is retried`);

    // On the row, in the case, in the list, in /health, in the supervisors' inbox.
    const stalled = await eventually(async () => {
      const response = await detail(caseId);
      expect(response.body).toMatchObject({ step: 'FEEDBACK', stalled: true, stalledReason: `carryOutDecision: ER_CONSTRAINT_FAILED on constraint ${CONSTRAINT}` });
      return response.body;
    }, 5_000);
    expect(Date.parse(stalled.stalledAt)).toBeGreaterThanOrEqual(started - 1_000);
    expect(await stalledList()).toContain(caseId);
    expect((await http(api.baseUrl, 'GET', '/api/v1/cases?stalled=false&pageSize=100', { token: as('supervisor.gz') })).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect(await stalledCount()).toBe(stalledBefore + 1);
    const inbox = await http(api.baseUrl, 'GET', '/api/v1/notifications?pageSize=100', { token: as('supervisor.gz') });
    expect(inbox.body.items.filter((n: { caseId: string; notice: string }) => n.caseId === caseId && n.notice === 'CASE_STALLED')).toHaveLength(1);

    // Not retried forever: it stays as it stalled; actions get a 409 with the reason, and the case still answers queries.
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await detail(caseId)).body).toMatchObject({ stalledAt: stalled.stalledAt, step: 'FEEDBACK' });
    const refused = await act('supervisor.gz', caseId, 'supervise', { note: '请加快' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^the case is stalled: carryOutDecision: ER_CONSTRAINT_FAILED/);
    // The workflow holds the reply (REVISIT) that the row does not have yet: nothing may be done until it is written.
    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}/actions`, { token: as('supervisor.gz') })).body).toEqual({ caseId, step: 'REVISIT', actions: [] });
    expect((await act('handler.gz', caseId, 'retry')).status).toBe(403);

    // A retry while the cause is still there stalls it anew.
    const early = await act('admin', caseId, 'retry', { note: '先试一次' });
    expect(early).toMatchObject({ status: 200, body: { step: 'REVISIT', stalled: { reason: `carryOutDecision: ER_CONSTRAINT_FAILED on constraint ${CONSTRAINT}` } } });
    expect(Date.parse(early.body.stalled.at)).toBeGreaterThan(Date.parse(stalled.stalledAt));

    // The cause removed, the retry carries out the stalled reply once.
    await db.query(`ALTER TABLE cases DROP CONSTRAINT ${CONSTRAINT}`);
    const retried = await act('supervisor.gz', caseId, 'retry', { note: '约束已移除' });
    expect(retried).toMatchObject({ status: 200, body: { step: 'REVISIT', stalled: null } });
    const resumed = await eventually(async () => {
      const response = await detail(caseId);
      expect(response.body).toMatchObject({ step: 'REVISIT', reply: REFUSED_REPLY, stalled: false, stalledReason: null, stalledAt: null });
      return response.body;
    }, 5_000);
    expect(resumed.timeline.filter((e: { type: string }) => e.type === 'REPLIED')).toHaveLength(1);
    expect(await stalledList()).not.toContain(caseId);
    expect(await stalledCount()).toBe(stalledBefore);
    expect((await act('admin', caseId, 'retry')).body).toMatchObject({ statusCode: 409, message: 'the case is not stalled: there is nothing to retry' });

    // The audit trail has the stall, and who retried.
    const audit = await db.query("SELECT action, actor_role AS role FROM audit_records WHERE case_id = ? AND action LIKE 'case.STALL%' ORDER BY seq", [caseId]);
    expect(audit.map((r: { action: string; role: string | null }) => `${r.action}:${r.role}`)).toEqual(['case.STALLED:null', 'case.STALLED:ADMIN', 'case.STALL_RETRIED:SUPERVISOR']);

    const evaluated = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/evaluation`, { body: { accessCode, satisfaction: 'SATISFIED' } });
    expect(evaluated).toMatchObject({ status: 200, body: { status: 'CLOSED', outcome: 'RESOLVED' } });
  });
});

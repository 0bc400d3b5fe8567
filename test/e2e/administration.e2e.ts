import type { INestApplicationContext } from '@nestjs/common';
import { DEFAULT_SLA_TERMS } from '@app/domain';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const terms = (timeUnit: 'WORKING_DAY' | 'MINUTE', acceptance: number) => ({
  ...DEFAULT_SLA_TERMS,
  timeUnit,
  durations: { ...DEFAULT_SLA_TERMS.durations, ACCEPTANCE: acceptance },
});

/** Administrators change the SLA policy and the calendar; cases follow. */
describe('administration through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let admin: string;
  let handler: string;

  async function submit(category: string): Promise<{ caseId: string; detail: { deadlineAt: string; policyVersion: number } }> {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category, subjectType: 'APP', subjectName: `${category} 测试`, regionCode: '440100', description: '强制下载安装并每日登录打卡。', anonymous: true },
    });
    const detail = await eventually(async () => {
      const response = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: handler });
      if (!response.body?.deadlineAt) throw new Error('not projected yet');
      return response.body;
    });
    return { caseId: created.body.caseId, detail };
  }

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    admin = await login(api.baseUrl, 'admin');
    handler = await login(api.baseUrl, 'handler.gz');
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
  });

  it('publishes a new SLA policy version that new cases take and running cases do not', async () => {
    const before = await submit('DUPLICATE_REPORTING');
    expect(before.detail.policyVersion).toBe(1);

    const published = await http(api.baseUrl, 'POST', '/api/v1/admin/sla-policies', { token: admin, body: { category: 'DUPLICATE_REPORTING', terms: terms('MINUTE', 3) } });
    expect(published).toMatchObject({ status: 201, body: { version: 1, category: 'DUPLICATE_REPORTING', timeUnit: 'MINUTE' } });

    const after = await submit('DUPLICATE_REPORTING');
    const minutes = (Date.parse(after.detail.deadlineAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(2);
    expect(minutes).toBeLessThanOrEqual(3);
    const unchanged = await http(api.baseUrl, 'GET', `/api/v1/cases/${before.caseId}`, { token: handler });
    expect(unchanged.body.deadlineAt).toBe(before.detail.deadlineAt);

    const bad = await http(api.baseUrl, 'POST', '/api/v1/admin/sla-policies', { token: admin, body: { terms: { ...terms('WORKING_DAY', 2), maxExtension: 99 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'terms.maxExtension' })]));
    expect((await http(api.baseUrl, 'POST', '/api/v1/admin/sla-policies', { token: handler, body: { terms: terms('WORKING_DAY', 2) } })).status).toBe(403);
  });

  it('moves the deadline of a running case when new holidays are published', async () => {
    const { caseId, detail } = await submit('TASK_DUMPING');
    // Declare the next 20 days holidays: the acceptance deadline must move past them.
    const start = new Date(Date.now() + 8 * 3600_000);
    const days = Array.from({ length: 20 }, (_, i) => ({ date: new Date(start.getTime() + (i + 1) * 86_400_000).toISOString().slice(0, 10), workday: false, name: '测试假期' }));
    const saved = await http(api.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token: admin, body: { days } });
    expect(saved).toMatchObject({ status: 200, body: { saved: 20, broadcastWorkflowId: expect.stringMatching(/^calendar-broadcast-/) } });

    const moved = await eventually(async () => {
      const response = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: handler });
      if (response.body.deadlineAt === detail.deadlineAt) throw new Error('not moved yet');
      return response.body;
    }, 90_000);
    expect(Date.parse(moved.deadlineAt) - Date.parse(detail.deadlineAt)).toBeGreaterThanOrEqual(14 * 86_400_000);

    const listed = await http(api.baseUrl, 'GET', `/api/v1/admin/calendar/overrides?from=${days[0].date}&to=${days[19].date}`, { token: admin });
    expect(listed.body).toHaveLength(20);
    const adminId = (await http(api.baseUrl, 'GET', '/api/v1/admin/users', { token: admin })).body.find((u: { username: string }) => u.username === 'admin').id;
    expect(listed.body[0]).toMatchObject({ name: '测试假期', workday: false, updatedBy: adminId, updatedAt: expect.any(String) });
    const invalid = await http(api.baseUrl, 'PUT', '/api/v1/admin/calendar/overrides', { token: admin, body: { days: [{ date: '2026-02-30', workday: true, name: 'x' }] } });
    expect(invalid.status).toBe(400);
  }, 120_000);

  it('manages organizations and users within reach, and a deactivated account is locked out at once', async () => {
    const unit = await http(api.baseUrl, 'POST', '/api/v1/admin/organizations', { token: admin, body: { name: '广州市某局', kind: 'HOST_UNIT', regionCode: '440100', parentId: 5 } });
    expect(unit).toMatchObject({ status: 201, body: { kind: 'HOST_UNIT', parentId: 5 } });
    const misplaced = await http(api.baseUrl, 'POST', '/api/v1/admin/organizations', { token: admin, body: { name: '错位', kind: 'PROVINCIAL_OFFICE', regionCode: '440100', parentId: 5 } });
    expect(misplaced).toMatchObject({ status: 400, body: { code: 'ORGANIZATION_KIND_NOT_UNDER', params: ['PROVINCIAL_OFFICE', 'CITY_OFFICE'] } });

    const username = `operator.test${Date.now() % 100000}`;
    const wrongHome = await http(api.baseUrl, 'POST', '/api/v1/admin/users', { token: admin, body: { username, displayName: '测试', role: 'HANDLER', organizationId: unit.body.id, password: 'Secret12345' } });
    expect(wrongHome.status).toBe(400);
    const created = await http(api.baseUrl, 'POST', '/api/v1/admin/users', { token: admin, body: { username, displayName: '测试', role: 'HOST_UNIT_OPERATOR', organizationId: unit.body.id, password: 'Secret12345' } });
    expect(created).toMatchObject({ status: 201, body: { username, active: true } });

    const login = await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { username, password: 'Secret12345' } });
    const token = login.body.accessToken;
    expect((await http(api.baseUrl, 'GET', '/api/v1/notifications', { token })).status).toBe(200);

    expect((await http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${created.body.id}`, { token: admin, body: { active: false } })).body.active).toBe(false);
    // An update with nothing in it is refused as input, not passed on to the database (it was a 500).
    const empty = await http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${created.body.id}`, { token: admin, body: {} });
    expect(empty).toMatchObject({ status: 400, body: { message: 'body: name at least one of displayName, role, organizationId, active, password', details: [{ field: 'body' }] } });
    // An optional field sent as null is absent: a null password is no password change (it was hashed: a 500).
    expect((await http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${created.body.id}`, { token: admin, body: { password: null } })).status).toBe(400);
    expect((await http(api.baseUrl, 'GET', '/api/v1/notifications', { token })).status).toBe(401);

    // Moving an account: within reach, its role must fit the new home, and its old tokens stop at once.
    const moving = await http(api.baseUrl, 'POST', '/api/v1/admin/users', { token: admin, body: { username: `${username}.m`, displayName: '调动', role: 'HOST_UNIT_OPERATOR', organizationId: unit.body.id, password: 'Secret12345' } });
    const movingToken = (await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { username: `${username}.m`, password: 'Secret12345' } })).body.accessToken;
    const move = (body: unknown) => http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${moving.body.id}`, { token: admin, body });
    expect(await move({ organizationId: 5 })).toMatchObject({ status: 400, body: { code: 'ROLE_NOT_AT_ORGANIZATION', details: [{ field: 'organizationId' }] } });
    expect(await move({ organizationId: 99999 })).toMatchObject({ status: 400, body: { code: 'ORGANIZATION_OUT_OF_REACH' } });
    // Naming the organization it is already in changes nothing (it was an UPDATE without a SET: a 500).
    expect(await move({ organizationId: unit.body.id })).toMatchObject({ status: 200, body: { organizationId: unit.body.id } });
    expect(await move({ organizationId: 5, role: 'HANDLER' })).toMatchObject({ status: 200, body: { organizationId: 5, role: 'HANDLER' } });
    expect((await http(api.baseUrl, 'GET', '/api/v1/notifications', { token: movingToken })).status).toBe(401);
    const self = (await http(api.baseUrl, 'GET', '/api/v1/admin/users', { token: admin })).body.find((u: { username: string }) => u.username === 'admin');
    expect(await http(api.baseUrl, 'PATCH', `/api/v1/admin/users/${self.id}`, { token: admin, body: { organizationId: 3 } })).toMatchObject({ status: 409, body: { code: 'ADMIN_SELF_LOCKOUT' } });
    expect(await http(api.baseUrl, 'POST', '/api/v1/admin/users', { token: admin, body: { username, displayName: '重名', role: 'HOST_UNIT_OPERATOR', organizationId: unit.body.id, password: 'Secret12345' } })).toMatchObject({
      status: 409,
      body: { code: 'USERNAME_TAKEN', params: [username] },
    });

    const trail = await http(api.baseUrl, 'GET', '/api/v1/audit?action=user.UPDATED&limit=500', { token: admin });
    const record = trail.body.items.find((r: { subject: string }) => r.subject === `user:${created.body.id}`);
    expect(record).toMatchObject({ actorRole: 'ADMIN' });
    expect(JSON.stringify(record)).not.toContain('Secret12345');
  });

  it('reveals a complainant only to staff in reach, and records the reveal without the values', async () => {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'FORCED_USE', subjectType: 'APP', subjectName: '揭示测试App', regionCode: '440100', description: '强制下载并要求截图证明安装。', anonymous: false, complainant: { name: '赵六', phone: '13511112222' } },
    });
    await eventually(async () => expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: handler })).status).toBe(200));

    const revealed = await http(api.baseUrl, 'POST', `/api/v1/cases/${created.body.caseId}/complainant/reveal`, { token: handler, body: { reason: '需要电话核实投诉细节' } });
    expect(revealed).toMatchObject({ status: 200, body: { name: '赵六', phone: '13511112222' } });
    const outsider = await login(api.baseUrl, 'handler.hz');
    expect((await http(api.baseUrl, 'POST', `/api/v1/cases/${created.body.caseId}/complainant/reveal`, { token: outsider, body: { reason: '需要电话核实投诉细节' } })).status).toBe(404);

    const trail = await http(api.baseUrl, 'GET', `/api/v1/audit?caseId=${created.body.caseId}`, { token: admin });
    const reveals = trail.body.items.filter((r: { action: string }) => r.action === 'complainant.REVEALED');
    expect(reveals).toHaveLength(1);
    expect(JSON.stringify(trail.body)).not.toContain('13511112222');
    expect(trail.body.items.map((r: { action: string }) => r.action)).toContain('case.SUBMITTED');
    expect((await http(api.baseUrl, 'GET', '/api/v1/audit/verify', { token: admin })).body).toMatchObject({ ok: true });
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

/**
 * Every route the API exposes, called as every role, and the answer each must get. A route added
 * without a row here fails the test; so does a row for a route that no longer exists.
 *
 * Principals: the public, and one demo user per role, all of Guangzhou or Guangdong or central,
 * so the fixture case is within their reach; outsiders (Zhejiang, Shenzhen) check the reach itself.
 * A provincial administrator (created here: the demo data has none) is the outsider of national settings.
 */
const PROVINCIAL_ADMIN = 'admin.gd.matrix';
const PRINCIPALS = ['anonymous', 'handler', 'operator', 'supervisor', 'inspector', 'discipline', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];
const USERS: Record<Exclude<Principal, 'anonymous'>, string> = {
  handler: 'handler.gz',
  operator: 'operator.gz',
  supervisor: 'supervisor.gz',
  inspector: 'inspector.gd',
  discipline: 'discipline.gz',
  admin: 'admin',
};

interface Fixture {
  /** A Guangzhou complaint in rectification (host unit named, notice sent), referred to the Guangzhou discipline body. */
  caseId: string;
  caseNo: string;
  accessCode: string;
  referralId: string;
  notificationId: string;
  /** A registry entry of the Guangzhou host unit. */
  registryEntryId: number;
}

interface Row {
  request: (f: Fixture) => { path: string; body?: unknown };
  /** Expected status per principal, in PRINCIPALS order. */
  expect: [number, number, number, number, number, number, number];
  /** Someone out of reach, and what they must get: no existence leak. */
  outsider?: { user: string; status: number; body?: unknown };
}

// Bodies that pass authorization but fail validation (400) or the state check (409) change nothing,
// so every row can run in any order against the same fixture.
const INVALID = { note: '' };
const NO_CIRCULAR = '00000000-0000-4000-8000-000000000000';
const MATRIX: Record<string, Row> = {
  'GET /health': { request: () => ({ path: '/health' }), expect: [200, 200, 200, 200, 200, 200, 200] },
  'GET /health/live': { request: () => ({ path: '/health/live' }), expect: [200, 200, 200, 200, 200, 200, 200] },
  'GET /health/ready': { request: () => ({ path: '/health/ready' }), expect: [200, 200, 200, 200, 200, 200, 200] },
  'GET /api/v1/regions': { request: () => ({ path: '/api/v1/regions?parent=440000' }), expect: [200, 200, 200, 200, 200, 200, 200] },
  'POST /api/v1/auth/login': { request: () => ({ path: '/api/v1/auth/login', body: {} }), expect: [400, 400, 400, 400, 400, 400, 400] },
  'POST /api/v1/complaints': { request: () => ({ path: '/api/v1/complaints', body: {} }), expect: [400, 400, 400, 400, 400, 400, 400] },
  'POST /api/v1/public/cases/{caseNo}/progress': { request: (f) => ({ path: `/api/v1/public/cases/${f.caseNo}/progress`, body: { accessCode: f.accessCode } }), expect: [200, 200, 200, 200, 200, 200, 200] },
  'POST /api/v1/public/cases/{caseNo}/evaluation': {
    request: (f) => ({ path: `/api/v1/public/cases/${f.caseNo}/evaluation`, body: { accessCode: f.accessCode, satisfaction: 'SATISFIED' } }),
    expect: [409, 409, 409, 409, 409, 409, 409],
  },
  'POST /api/v1/spot-check-findings': { request: () => ({ path: '/api/v1/spot-check-findings', body: {} }), expect: [401, 403, 403, 403, 400, 403, 403] },
  'GET /api/v1/cases': { request: () => ({ path: '/api/v1/cases' }), expect: [401, 200, 200, 200, 200, 200, 200] },
  'GET /api/v1/cases/export': { request: () => ({ path: '/api/v1/cases/export?status=OPEN' }), expect: [401, 200, 200, 200, 200, 200, 200] },
  'GET /api/v1/cases/{caseId}': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
    outsider: { user: 'handler.hz', status: 404 },
  },
  'GET /api/v1/cases/{caseId}/merge-candidates': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/merge-candidates` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
    outsider: { user: 'operator.sz', status: 404 },
  },
  'GET /api/v1/cases/{caseId}/actions': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/actions` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
    outsider: { user: 'handler.hz', status: 404 },
  },
  'GET /api/v1/cases/{caseId}/choices/{pick}': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/choices/HOST_UNIT` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
    outsider: { user: 'handler.hz', status: 404 },
  },
  'POST /api/v1/cases/{caseId}/{action}': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/accept`, body: INVALID }),
    expect: [401, 400, 403, 403, 403, 403, 403],
    outsider: { user: 'handler.hz', status: 404, body: {} },
  },
  // The fixture is not stalled: the roles that may retry get the workflow's 409.
  'POST /api/v1/cases/{caseId}/retry': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/retry`, body: {} }),
    expect: [401, 403, 403, 409, 403, 403, 409],
  },
  'POST /api/v1/cases/{caseId}/complainant/reveal': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/complainant/reveal`, body: { reason: 'x' } }),
    expect: [401, 400, 403, 400, 403, 403, 403],
    outsider: { user: 'handler.hz', status: 404, body: { reason: '核实投诉人身份' } },
  },
  // Multipart routes called with a JSON body: past the role and reach checks, no file, 400; nothing is stored.
  'GET /api/v1/cases/{caseId}/evidence': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/evidence` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
    outsider: { user: 'handler.hz', status: 404 },
  },
  'POST /api/v1/cases/{caseId}/evidence': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/evidence`, body: {} }),
    expect: [401, 400, 400, 400, 403, 403, 403],
    outsider: { user: 'handler.hz', status: 404, body: {} },
  },
  'POST /api/v1/cases/{caseId}/evidence/{fileId}/link': {
    request: (f) => ({ path: `/api/v1/cases/${f.caseId}/evidence/00000000-0000-4000-8000-000000000000/link`, body: {} }),
    expect: [401, 404, 404, 404, 404, 404, 404],
  },
  'POST /api/v1/public/cases/{caseNo}/evidence': {
    request: (f) => ({ path: `/api/v1/public/cases/${f.caseNo}/evidence`, body: { accessCode: f.accessCode } }),
    expect: [400, 400, 400, 400, 400, 400, 400],
  },
  // The link is the credential: a made-up one is refused whoever sends it.
  'GET /api/v1/evidence/download': { request: () => ({ path: '/api/v1/evidence/download?token=made.up' }), expect: [403, 403, 403, 403, 403, 403, 403] },
  'POST /api/v1/referrals/{id}/package/link': {
    request: (f) => ({ path: `/api/v1/referrals/${f.referralId}/package/link`, body: {} }),
    expect: [401, 200, 403, 200, 403, 200, 200],
    outsider: { user: 'discipline.gd', status: 404, body: {} },
  },
  'GET /api/v1/audit': { request: () => ({ path: '/api/v1/audit' }), expect: [401, 403, 403, 403, 403, 200, 200] },
  'GET /api/v1/audit/verify': { request: () => ({ path: '/api/v1/audit/verify' }), expect: [401, 403, 403, 403, 403, 200, 200] },
  'GET /api/v1/dashboard/deadlines': { request: () => ({ path: '/api/v1/dashboard/deadlines' }), expect: [401, 403, 403, 200, 403, 403, 200] },
  'GET /api/v1/statistics': {
    request: () => ({ path: '/api/v1/statistics?period=2026-Q4&groupBy=CATEGORY' }),
    // Reach (an organization out of it answers 404) is checked in statistics.e2e.ts.
    expect: [401, 200, 403, 200, 200, 403, 200],
  },
  'GET /api/v1/statistics/cases': { request: () => ({ path: '/api/v1/statistics/cases?period=2026-11&counter=reopened' }), expect: [401, 200, 403, 200, 200, 403, 200] },
  // Circulars: a circular that does not exist (404 in reach); the lifecycle itself is in circulars.e2e.ts.
  'POST /api/v1/circulars': { request: () => ({ path: '/api/v1/circulars', body: {} }), expect: [401, 400, 403, 400, 403, 403, 400] },
  'GET /api/v1/circulars': { request: () => ({ path: '/api/v1/circulars' }), expect: [401, 200, 403, 200, 200, 403, 200] },
  'GET /api/v1/circulars/{circularId}': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}` }), expect: [401, 404, 403, 404, 404, 403, 404] },
  'GET /api/v1/circulars/{circularId}/workbook': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}/workbook` }), expect: [401, 404, 403, 404, 404, 403, 404] },
  'GET /api/v1/circulars/{circularId}/pdf': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}/pdf` }), expect: [401, 404, 403, 404, 404, 403, 404] },
  'POST /api/v1/circulars/{circularId}/edit': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}/edit`, body: {} }), expect: [401, 404, 403, 404, 403, 403, 404] },
  'POST /api/v1/circulars/{circularId}/review': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}/review`, body: {} }), expect: [401, 403, 403, 404, 403, 403, 404] },
  'POST /api/v1/circulars/{circularId}/return': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}/return`, body: {} }), expect: [401, 403, 403, 404, 403, 403, 404] },
  'POST /api/v1/circulars/{circularId}/publish': { request: () => ({ path: `/api/v1/circulars/${NO_CIRCULAR}/publish`, body: {} }), expect: [401, 403, 403, 404, 403, 403, 404] },
  // Spot-check campaigns: a campaign that does not exist (404 in reach); the lifecycle itself is in campaigns.e2e.ts.
  'GET /api/v1/campaign-checklist': { request: () => ({ path: '/api/v1/campaign-checklist' }), expect: [401, 403, 403, 200, 200, 403, 200] },
  'GET /api/v1/campaigns': { request: () => ({ path: '/api/v1/campaigns' }), expect: [401, 403, 403, 200, 200, 403, 200] },
  'POST /api/v1/campaigns': { request: () => ({ path: '/api/v1/campaigns', body: {} }), expect: [401, 403, 403, 403, 400, 403, 400] },
  'GET /api/v1/campaign-items/mine': { request: () => ({ path: '/api/v1/campaign-items/mine' }), expect: [401, 403, 403, 403, 200, 403, 403] },
  'GET /api/v1/campaigns/{campaignId}': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}` }), expect: [401, 403, 403, 404, 404, 403, 404] },
  'POST /api/v1/campaigns/{campaignId}/draw': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/draw`, body: {} }), expect: [401, 403, 403, 403, 404, 403, 404] },
  'GET /api/v1/campaigns/{campaignId}/items': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/items` }), expect: [401, 403, 403, 404, 404, 403, 404] },
  'GET /api/v1/campaigns/{campaignId}/inspectors': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/inspectors` }), expect: [401, 403, 403, 403, 404, 403, 404] },
  'POST /api/v1/campaigns/{campaignId}/assign': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/assign`, body: {} }), expect: [401, 403, 403, 403, 400, 403, 400] },
  'POST /api/v1/campaigns/{campaignId}/items/{itemNo}/result': {
    request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/items/1/result`, body: {} }),
    expect: [401, 403, 403, 403, 400, 403, 403],
  },
  'POST /api/v1/campaigns/{campaignId}/close': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/close`, body: {} }), expect: [401, 403, 403, 403, 404, 403, 404] },
  'GET /api/v1/campaigns/{campaignId}/summary': { request: () => ({ path: `/api/v1/campaigns/${NO_CIRCULAR}/summary` }), expect: [401, 403, 403, 404, 404, 403, 404] },
  'GET /api/v1/referrals': { request: () => ({ path: '/api/v1/referrals' }), expect: [401, 403, 403, 403, 403, 200, 403] },
  'POST /api/v1/referrals/{id}/acknowledge': {
    request: (f) => ({ path: `/api/v1/referrals/${f.referralId}/acknowledge`, body: { note: 7 } }),
    expect: [401, 403, 403, 403, 403, 400, 403],
    outsider: { user: 'discipline.gd', status: 404, body: {} },
  },
  'POST /api/v1/referrals/{id}/conclude': {
    request: (f) => ({ path: `/api/v1/referrals/${f.referralId}/conclude`, body: {} }),
    expect: [401, 403, 403, 403, 403, 400, 403],
    outsider: { user: 'discipline.gd', status: 404, body: { outcome: 'NO_ACCOUNTABILITY', conclusion: 'x' } },
  },
  'POST /api/v1/auth/session': { request: () => ({ path: '/api/v1/auth/session', body: {} }), expect: [400, 400, 400, 400, 400, 400, 400] },
  'DELETE /api/v1/auth/session': { request: () => ({ path: '/api/v1/auth/session' }), expect: [204, 204, 204, 204, 204, 204, 204] },
  'GET /api/v1/me/saved-filters': { request: () => ({ path: '/api/v1/me/saved-filters' }), expect: [401, 200, 200, 200, 200, 200, 200] },
  'POST /api/v1/me/saved-filters': { request: () => ({ path: '/api/v1/me/saved-filters', body: {} }), expect: [401, 400, 400, 400, 400, 400, 400] },
  // Nobody's filter, or somebody else's: the same 404.
  'DELETE /api/v1/me/saved-filters/{id}': { request: () => ({ path: '/api/v1/me/saved-filters/999999' }), expect: [401, 404, 404, 404, 404, 404, 404] },
  'GET /api/v1/notifications': { request: () => ({ path: '/api/v1/notifications' }), expect: [401, 200, 200, 200, 200, 200, 200] },
  'POST /api/v1/notifications/{id}/read': {
    request: (f) => ({ path: `/api/v1/notifications/${f.notificationId}/read`, body: {} }),
    // The notification is the Guangzhou host unit's: anyone else's inbox does not have it.
    expect: [401, 404, 204, 404, 404, 404, 404],
  },
  'GET /api/v1/admin/sla-policies': { request: () => ({ path: '/api/v1/admin/sla-policies' }), expect: [401, 403, 403, 403, 403, 403, 200] },
  'POST /api/v1/admin/sla-policies': {
    request: () => ({ path: '/api/v1/admin/sla-policies', body: {} }),
    expect: [401, 403, 403, 403, 403, 403, 400],
    outsider: { user: PROVINCIAL_ADMIN, status: 403 },
  },
  'GET /api/v1/admin/sla-policies/{id}': { request: () => ({ path: '/api/v1/admin/sla-policies/1' }), expect: [401, 403, 403, 403, 403, 403, 200] },
  'GET /api/v1/admin/calendar/overrides': { request: () => ({ path: '/api/v1/admin/calendar/overrides' }), expect: [401, 403, 403, 403, 403, 403, 200] },
  'PUT /api/v1/admin/calendar/overrides': {
    request: () => ({ path: '/api/v1/admin/calendar/overrides', body: {} }),
    expect: [401, 403, 403, 403, 403, 403, 400],
    outsider: { user: PROVINCIAL_ADMIN, status: 403 },
  },
  'GET /api/v1/admin/organizations': { request: () => ({ path: '/api/v1/admin/organizations' }), expect: [401, 403, 403, 403, 403, 403, 200] },
  'POST /api/v1/admin/organizations': { request: () => ({ path: '/api/v1/admin/organizations', body: {} }), expect: [401, 403, 403, 403, 403, 403, 400] },
  'GET /api/v1/admin/users': { request: () => ({ path: '/api/v1/admin/users' }), expect: [401, 403, 403, 403, 403, 403, 200] },
  'POST /api/v1/admin/users': { request: () => ({ path: '/api/v1/admin/users', body: {} }), expect: [401, 403, 403, 403, 403, 403, 400] },
  'PATCH /api/v1/admin/users/{id}': { request: () => ({ path: '/api/v1/admin/users/2', body: { active: 'no' } }), expect: [401, 403, 403, 403, 403, 403, 400] },
  // The registry: offices' staff and the host unit read within their reach, administrators and inspectors write.
  'GET /api/v1/registry': { request: () => ({ path: '/api/v1/registry' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  'GET /api/v1/registry/export': { request: () => ({ path: '/api/v1/registry/export' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  'POST /api/v1/registry': { request: () => ({ path: '/api/v1/registry', body: {} }), expect: [401, 403, 403, 403, 400, 403, 400] },
  // A JSON body is not a workbook.
  'POST /api/v1/registry/import': { request: () => ({ path: '/api/v1/registry/import', body: {} }), expect: [401, 403, 403, 403, 415, 403, 415] },
  'GET /api/v1/registry/monitoring': { request: () => ({ path: '/api/v1/registry/monitoring' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  'GET /api/v1/registry/score-weights': { request: () => ({ path: '/api/v1/registry/score-weights' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  'POST /api/v1/registry/score-weights': {
    request: () => ({ path: '/api/v1/registry/score-weights', body: {} }),
    expect: [401, 403, 403, 403, 403, 403, 400],
    outsider: { user: PROVINCIAL_ADMIN, status: 403 },
  },
  'GET /api/v1/registry/{id}': {
    request: (f) => ({ path: `/api/v1/registry/${f.registryEntryId}` }),
    expect: [401, 200, 200, 200, 200, 403, 200],
    outsider: { user: 'operator.sz', status: 404 },
  },
  'PATCH /api/v1/registry/{id}': { request: (f) => ({ path: `/api/v1/registry/${f.registryEntryId}`, body: { declaredUsers: -1 } }), expect: [401, 403, 403, 403, 400, 403, 400] },
  'GET /api/v1/registry/score-weights/history': { request: () => ({ path: '/api/v1/registry/score-weights/history' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  'GET /api/v1/registry/host-units': { request: () => ({ path: '/api/v1/registry/host-units' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  'GET /api/v1/registry/lookup': { request: () => ({ path: '/api/v1/registry/lookup?q=%E7%A9%97' }), expect: [401, 200, 200, 200, 200, 403, 200] },
  // The complaint form's autocomplete: public fields only, anyone.
  'GET /api/v1/public/registry/lookup': { request: () => ({ path: '/api/v1/public/registry/lookup?q=%E7%A9%97' }), expect: [200, 200, 200, 200, 200, 200, 200] },
  'GET /api/v1/registry/{id}/cases': {
    request: (f) => ({ path: `/api/v1/registry/${f.registryEntryId}/cases` }),
    expect: [401, 200, 200, 200, 200, 403, 200],
    outsider: { user: 'handler.hz', status: 404 },
  },
  'GET /api/v1/registry/{id}/history': {
    request: (f) => ({ path: `/api/v1/registry/${f.registryEntryId}/history` }),
    expect: [401, 200, 200, 200, 200, 403, 200],
    outsider: { user: 'handler.hz', status: 404 },
  },
};

describe('authorization matrix: every route, every role', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  const tokens: Record<string, string> = {};
  let fixture: Fixture;

  const call = (method: string, row: Row, token?: string, body?: unknown) => {
    const { path, body: rowBody } = row.request(fixture);
    return http(api.baseUrl, method, path, { token, body: body ?? (method === 'GET' ? undefined : rowBody) });
  };

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    for (const user of [...Object.values(USERS), 'handler.hz', 'operator.sz', 'discipline.gd']) tokens[user] = await login(api.baseUrl, user);
    const provincial = await http(api.baseUrl, 'POST', '/api/v1/admin/users', {
      token: tokens.admin,
      body: { username: PROVINCIAL_ADMIN, displayName: '省管理员', role: 'ADMIN', organizationId: 3, password: 'Matrix12345' },
    });
    expect(provincial.status).toBe(201);
    tokens[PROVINCIAL_ADMIN] = (await http(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { username: PROVINCIAL_ADMIN, password: 'Matrix12345' } })).body.accessToken;

    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'MANDATORY_FEATURES', subjectType: 'APP', subjectName: '矩阵测试App', regionCode: '440106', description: '未经审批设置积分和在线时长功能。', anonymous: false, complainant: { name: '王五', phone: '13600002222' } },
    });
    const caseId = created.body.caseId;
    const handler = tokens['handler.gz'];
    const act = (action: string, body: unknown) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: handler, body });
    await eventually(async () => expect((await act('accept', {})).status).toBe(200));
    expect((await act('dispatch', { investigatingOrgId: 5, hostUnitId: 7 })).status).toBe(200);
    expect((await act('finding', { result: 'SUBSTANTIATED', severity: 'SERIOUS', summary: '违规设置强制功能' })).status).toBe(200);
    const referral = await eventually(async () => {
      const inbox = await http(api.baseUrl, 'GET', '/api/v1/referrals?pageSize=100', { token: tokens['discipline.gz'] });
      const found = inbox.body.items?.find((r: { caseId: string }) => r.caseId === caseId);
      if (!found?.packageSha256) throw new Error('no referral with its package yet');
      return found;
    });
    const notice = await eventually(async () => {
      const notices = await http(api.baseUrl, 'GET', '/api/v1/notifications?pageSize=100', { token: tokens['operator.gz'] });
      const found = notices.body.items?.find((n: { caseId: string }) => n.caseId === caseId);
      if (!found) throw new Error(`no notification for the host unit yet: ${notices.status} ${JSON.stringify(notices.body).slice(0, 300)}`);
      return found;
    });
    const entry = await http(api.baseUrl, 'POST', '/api/v1/registry', {
      token: tokens.admin,
      body: { name: `矩阵测试工作群${Date.now().toString(36)}`, kind: 'WORK_GROUP', platform: 'WECOM', hostUnitId: 7, regionCode: '440106', status: 'ACTIVE' },
    });
    expect(entry.status).toBe(201);
    fixture = { caseId, caseNo: created.body.caseNo, accessCode: created.body.accessCode, referralId: referral.id, notificationId: notice.id, registryEntryId: entry.body.id };
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
  });

  it('has a row for every route the API exposes, and no row for a route it does not', () => {
    const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().build());
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.entries(MATRIX))('%s answers each role as the matrix says', async (route, row) => {
    const method = route.split(' ')[0];
    const answers: Record<string, number> = {};
    for (const principal of PRINCIPALS) {
      const token = principal === 'anonymous' ? undefined : tokens[USERS[principal]];
      answers[principal] = (await call(method, row, token)).status;
    }
    expect(answers).toEqual(Object.fromEntries(PRINCIPALS.map((p, i) => [p, row.expect[i]])));
    if (row.outsider) {
      const response = await call(method, row, tokens[row.outsider.user], row.outsider.body);
      expect(`${row.outsider.user}: ${response.status}`).toBe(`${row.outsider.user}: ${row.outsider.status}`);
    }
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CaseEventEntity, dataSourceOptions, OrganizationEntity } from '@app/database';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const complaint = (subjectName: string) => ({
  category: 'RANKING_ABUSE',
  subjectType: 'APP',
  subjectName,
  regionCode: '440104',
  description: '用点赞数、在线时长给基层干部排名，并与考核挂钩。',
  anonymous: false,
  complainant: { name: '李四', phone: '13900001111' },
});

/** Whole lifecycles through HTTP on the real API, worker, Temporal and MariaDB. */
describe('case lifecycle through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let org: Record<string, number>;

  const as = (user: string) => tokens[user];
  const act = (user: string, caseId: string, action: string, body: unknown = {}) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: as(user), body });

  async function submit(subjectName: string): Promise<{ caseId: string; caseNo: string; accessCode: string }> {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint(subjectName) });
    expect(created.status).toBe(201);
    await eventually(async () => {
      const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: as('handler.gz') });
      if (detail.status !== 200 || !detail.body.deadlineAt) throw new Error('not projected yet');
    });
    return created.body;
  }

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    for (const user of ['handler.gz', 'handler.hz', 'supervisor.gz', 'operator.gz', 'operator.sz', 'inspector.gd', 'discipline.gz', 'discipline.gd']) tokens[user] = await login(api.baseUrl, user);
    const orgs = await db.getRepository(OrganizationEntity).find();
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    org = { gz: id('广州市网信办'), gzHost: id('广州市某区政务服务数据管理局'), szHost: id('深圳市某街道办事处'), gzDiscipline: id('广州市纪委监委派驻纪检监察组') };
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('lists the actions the signed-in user may take now, with their fields, from the lifecycle table', async () => {
    const { caseId } = await submit('某区打卡App');
    const actionsOf = async (user: string) => {
      const response = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}/actions`, { token: as(user) });
      expect(response.status).toBe(200);
      return response.body as { step: string; actions: { action: string; leadsTo: string[]; fields: { name: string; required: boolean; enum?: string[] }[] }[] };
    };

    const submitted = await actionsOf('handler.gz');
    expect(submitted.step).toBe('SUBMITTED');
    expect(submitted.actions.map((a) => a.action)).toEqual(['accept', 'reject', 'merge', 'request-extension']);
    expect(submitted.actions.find((a) => a.action === 'reject')!.fields).toEqual([
      expect.objectContaining({ name: 'reason', required: true, enum: ['OUT_OF_SCOPE', 'NO_FACTS', 'DUPLICATE_OF_CLOSED'] }),
      expect.objectContaining({ name: 'note', required: true }),
    ]);
    expect((await actionsOf('supervisor.gz')).actions.map((a) => a.action)).toEqual(['supervise']);
    // Out of reach: the same answer as a case that does not exist.
    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}/actions`, { token: as('handler.hz') })).status).toBe(404);

    await act('handler.gz', caseId, 'request-extension', { days: 2, reason: '需核实材料' });
    // One pending request: the handler may not ask again, the supervisor may decide it.
    expect((await actionsOf('handler.gz')).actions.map((a) => a.action)).toEqual(['accept', 'reject', 'merge']);
    expect((await actionsOf('supervisor.gz')).actions.map((a) => a.action)).toEqual(['decide-extension', 'supervise']);

    await act('handler.gz', caseId, 'reject', { reason: 'NO_FACTS', note: '无具体事实' });
    await eventually(async () => expect(await actionsOf('handler.gz')).toEqual({ caseId, step: 'CLOSED', actions: [] }));
  });

  it('walks a complaint from submission to closed, with the complainant following and evaluating', async () => {
    const { caseId, caseNo, accessCode } = await submit('某区积分排名App');

    expect((await act('handler.gz', caseId, 'accept', { note: '符合受理条件' })).body).toMatchObject({ step: 'ACCEPTED', deadline: { kind: 'DISPATCH' } });
    // A host unit outside the handler's subtree (Shenzhen, same province) is refused on the field that names it.
    const farHost = await act('handler.gz', caseId, 'dispatch', { investigatingOrgId: org.gz, hostUnitId: org.szHost });
    expect(farHost.status).toBe(400);
    expect(farHost.body.details).toEqual([{ field: 'hostUnitId', reason: 'must be a host unit within your jurisdiction' }]);
    expect((await act('handler.gz', caseId, 'dispatch', { investigatingOrgId: org.gz, hostUnitId: org.gzHost })).body).toMatchObject({ step: 'INVESTIGATING' });

    // The host unit sees nothing before a substantiated finding names it.
    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('operator.gz') })).status).toBe(404);
    expect((await act('handler.gz', caseId, 'finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确以点赞排名考核' })).body).toMatchObject({ step: 'NOTICE_SENT', stage: 'RECTIFYING' });

    const operatorView = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('operator.gz') });
    expect(operatorView.status).toBe(200);
    expect(operatorView.body.complainant).toBeNull();
    expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('operator.sz') })).status).toBe(404);

    expect((await act('operator.gz', caseId, 'sign', { note: '已签收，内部处理中' })).body).toMatchObject({ step: 'RECTIFYING', deadline: { kind: 'RECTIFICATION' } });
    expect((await act('operator.gz', caseId, 'submit-rectification', { plan: '取消排名', evidence: ['通知文件'] })).body).toMatchObject({ step: 'UNDER_REVIEW' });
    expect((await act('supervisor.gz', caseId, 'return-rectification', { reason: '证据不足' })).body).toMatchObject({ step: 'RECTIFYING' });
    await act('operator.gz', caseId, 'submit-rectification', { plan: '取消排名并公告', evidence: ['通知文件', '公告截图'] });
    expect((await act('supervisor.gz', caseId, 'approve-rectification')).body).toMatchObject({ step: 'FEEDBACK' });
    expect((await act('handler.gz', caseId, 'reply', { content: '已责令取消排名考核。' })).body).toMatchObject({ step: 'REVISIT' });

    const progress = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/progress`, { body: { accessCode } });
    expect(progress.body).toMatchObject({ stage: 'REVISIT', reply: '已责令取消排名考核。', awaitingEvaluation: true });
    expect(progress.body.timeline.map((e: { type: string }) => e.type)).not.toContain('RECTIFICATION_SUBMITTED'); // internal
    expect(progress.body.timeline.map((e: { type: string }) => e.type)).not.toContain('NOTICE_SIGNED'); // the host unit's note is internal
    // Both sides see when the evaluation window ends: 7 calendar days after the reply.
    const staffView = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('handler.gz') });
    const replied = staffView.body.timeline.find((e: { type: string }) => e.type === 'REPLIED');
    expect(staffView.body.revisitEndsAt).toBe(new Date(Date.parse(replied.occurredAt) + 7 * 86_400_000).toISOString());
    expect(progress.body.evaluationEndsAt).toBe(staffView.body.revisitEndsAt);

    const evaluated = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/evaluation`, { body: { accessCode, satisfaction: 'SATISFIED' } });
    expect(evaluated).toMatchObject({ status: 200, body: { status: 'CLOSED', outcome: 'RESOLVED' } });
    // What a complainant may see, and nothing of referrals, supervision or escalation instants.
    expect(evaluated.body).toEqual({ caseNo, stage: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED', awaitingEvaluation: false });

    const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('handler.gz') });
    expect(detail.body).toMatchObject({ stage: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED', satisfaction: 'SATISFIED', revisitEndsAt: null });
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'FINDING_RECORDED', 'RECTIFICATION_NOTICE_SENT', 'NOTICE_SIGNED', 'RECTIFICATION_SUBMITTED',
      'RECTIFICATION_RETURNED', 'RECTIFICATION_SUBMITTED', 'RECTIFICATION_APPROVED', 'REPLIED', 'EVALUATED', 'CLOSED',
    ]);
    expect(detail.body.timeline.map((e: { seq: number }) => e.seq)).toEqual(types.map((_: string, i: number) => i + 1));

    // The host unit got this case's rectification notice in its inbox (every case its own, though
    // cases walk the same path and reach the same revisions).
    const inbox = await http(api.baseUrl, 'GET', '/api/v1/notifications?pageSize=100', { token: as('operator.gz') });
    const notices = inbox.body.items.filter((n: { caseId: string }) => n.caseId === caseId).map((n: { notice: string }) => n.notice);
    expect(notices.sort()).toEqual(['RECTIFICATION_NOTICE', 'RECTIFICATION_RETURNED']);
  });

  it('answers 409 with the reason for an action not allowed now, 403 for a role that never may, and changes nothing', async () => {
    const { caseId } = await submit('某工作群接龙');
    const early = await act('handler.gz', caseId, 'reply', { content: '太早了' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('not allowed while the case is SUBMITTED') });
    expect((await act('operator.gz', caseId, 'accept')).status).toBe(403);
    expect((await act('handler.hz', caseId, 'accept')).status).toBe(404); // another province: out of reach
    expect((await act('handler.gz', caseId, 'finding', { result: 'MAYBE' })).status).toBe(400);
    expect((await act('handler.gz', caseId, 'no-such-action')).status).toBe(404);
    expect(await db.getRepository(CaseEventEntity).countBy({ caseId })).toBe(1);
  });

  it('rejects a complaint, and merges a duplicate into an open case about the same subject', async () => {
    const rejected = await submit('无关事项');
    expect((await act('handler.gz', rejected.caseId, 'reject', { reason: 'OUT_OF_SCOPE', note: '不属于受理范围' })).body).toMatchObject({ status: 'CLOSED', outcome: 'REJECTED' });

    const first = await submit('重复投诉App');
    const second = await submit('重复投诉App');
    await act('handler.gz', first.caseId, 'accept');
    const candidates = await http(api.baseUrl, 'GET', `/api/v1/cases/${second.caseId}/merge-candidates`, { token: as('handler.gz') });
    expect(candidates.body.map((c: { id: string }) => c.id)).toEqual([first.caseId]);
    expect((await act('handler.gz', second.caseId, 'merge', { targetCaseId: first.caseId })).body).toMatchObject({ status: 'CLOSED', outcome: 'MERGED' });
    await eventually(async () => {
      const target = await http(api.baseUrl, 'GET', `/api/v1/cases/${first.caseId}`, { token: as('handler.gz') });
      expect(target.body.timeline.map((e: { type: string }) => e.type)).toContain('MERGED_IN');
    });
  });

  it('refers a serious spot-check finding to the discipline body, which acknowledges and concludes it', async () => {
    const created = await http(api.baseUrl, 'POST', '/api/v1/spot-check-findings', {
      token: as('inspector.gd'),
      body: { subjectType: 'PUBLIC_ACCOUNT', subjectName: '某僵尸公众号', regionCode: '440100', category: 'ZOMBIE_SHELL', severity: 'SERIOUS', description: '长期不更新且强制关注，严重加重基层负担。', hostUnitId: org.gzHost },
    });
    expect(created.status).toBe(201);

    const referral = await eventually(async () => {
      const inbox = await http(api.baseUrl, 'GET', '/api/v1/referrals?pageSize=100', { token: as('discipline.gz') });
      const found = inbox.body.items.find((r: { caseId: string }) => r.caseId === created.body.caseId);
      if (!found) throw new Error('no referral yet');
      return found;
    });
    expect(referral).toMatchObject({ reason: 'SERIOUS_FINDING', status: 'AWAITING_ACK', disciplineOrgId: org.gzDiscipline, package: { case: { subjectName: '某僵尸公众号' } } });
    expect((await http(api.baseUrl, 'GET', '/api/v1/referrals?pageSize=100', { token: as('discipline.gd') })).body.items.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    // The inbox pages: page and pageSize in, the total of all pages out.
    const firstPage = await http(api.baseUrl, 'GET', '/api/v1/referrals?page=1&pageSize=1', { token: as('discipline.gz') });
    expect(firstPage.body).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
    expect(firstPage.body.items).toHaveLength(1);
    const beyond = await http(api.baseUrl, 'GET', `/api/v1/referrals?page=${firstPage.body.total + 1}&pageSize=1`, { token: as('discipline.gz') });
    expect(beyond.body).toMatchObject({ items: [], total: firstPage.body.total });
    expect((await http(api.baseUrl, 'GET', '/api/v1/referrals?pageSize=101', { token: as('discipline.gz') })).status).toBe(400);

    const early = await http(api.baseUrl, 'POST', `/api/v1/referrals/${referral.id}/conclude`, { token: as('discipline.gz'), body: { outcome: 'ADMONISHMENT_TALK', conclusion: '诫勉谈话' } });
    expect(early.status).toBe(409);
    expect((await http(api.baseUrl, 'POST', `/api/v1/referrals/${referral.id}/acknowledge`, { token: as('discipline.gz'), body: {} })).body).toMatchObject({ status: 'ACKNOWLEDGED' });
    const concluded = await http(api.baseUrl, 'POST', `/api/v1/referrals/${referral.id}/conclude`, { token: as('discipline.gz'), body: { outcome: 'ADMONISHMENT_TALK', conclusion: '对主办单位负责人诫勉谈话' } });
    expect(concluded.body).toMatchObject({ status: 'CONCLUDED', outcome: 'ADMONISHMENT_TALK' });

    const spotCase = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: as('handler.gz') });
    expect(spotCase.body).toMatchObject({ source: 'SPOT_CHECK', step: 'ACCEPTED', referred: true });
  });

  it('lists cases soonest deadline first and counts them on the supervisor dashboard', async () => {
    await submit('列表测试App');
    const list = await http(api.baseUrl, 'GET', '/api/v1/cases?status=OPEN&pageSize=100', { token: as('handler.gz') });
    expect(list.status).toBe(200);
    const deadlines = list.body.items.map((c: { deadlineAt: string | null }) => c.deadlineAt).filter(Boolean).map(Date.parse);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(list.body.items.every((c: { status: string }) => c.status === 'OPEN')).toBe(true);
    expect(list.body).toMatchObject({ total: list.body.items.length, totalExact: true });
    // Hangzhou sees only Zhejiang's cases, never Guangdong's.
    const hangzhou = await http(api.baseUrl, 'GET', '/api/v1/cases?pageSize=100', { token: as('handler.hz') });
    expect(hangzhou.body.items.filter((c: { regionCode: string }) => !c.regionCode.startsWith('33'))).toEqual([]);

    const mine = await http(api.baseUrl, 'GET', '/api/v1/cases?assignee=me', { token: as('handler.gz') });
    expect(mine.body.items.every((c: { step: string }) => ['SUBMITTED', 'ACCEPTED', 'INVESTIGATING', 'FEEDBACK'].includes(c.step))).toBe(true);

    const dashboard = await http(api.baseUrl, 'GET', '/api/v1/dashboard/deadlines', { token: as('supervisor.gz') });
    const submitted = dashboard.body.stages.find((s: { stage: string }) => s.stage === 'SUBMITTED');
    expect(submitted.total).toBeGreaterThan(0);
    expect(submitted.onTime + submitted.atRisk + submitted.overdue).toBe(submitted.total);
    expect((await http(api.baseUrl, 'GET', '/api/v1/dashboard/deadlines', { token: as('handler.gz') })).status).toBe(403);
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { beijingMonth, monthLabel } from '@app/domain';
import { dataSourceOptions, OrganizationEntity } from '@app/database';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

// A district no other test files cases in, so the numbers here are this test's cases alone.
const REGION = '440111';

const complaint = (subjectName: string) => ({
  category: 'DUPLICATE_REPORTING',
  subjectType: 'WORK_GROUP',
  subjectName,
  regionCode: REGION,
  description: '同一组数据要求通过三个工作群重复填报。',
  anonymous: false,
  complainant: { name: '王五', phone: '13700002222' },
});

interface Rate {
  key: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  small: boolean;
}

/** Cases driven through real lifecycles over HTTP; the statistics must count exactly them. */
describe('statistics through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let gzOffice: number;
  const month = monthLabel(beijingMonth(new Date()));
  const cases: Record<string, { caseId: string; caseNo: string }> = {};

  const act = async (user: string, caseId: string, action: string, body: unknown = {}) => {
    const response = await http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: tokens[user], body });
    expect(`${action}: ${response.status}`).toBe(`${action}: 200`);
    return response.body;
  };
  const statistics = (user: string, query: string) => http(api.baseUrl, 'GET', `/api/v1/statistics?${query}`, { token: tokens[user] });

  async function submit(subjectName: string): Promise<{ caseId: string; caseNo: string; accessCode: string }> {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint(subjectName) });
    expect(created.status).toBe(201);
    await eventually(async () => {
      const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: tokens['handler.gz'] });
      if (detail.status !== 200 || !detail.body.deadlineAt) throw new Error('not projected yet');
    });
    return created.body;
  }

  const evaluate = (c: { caseNo: string; accessCode: string }, satisfaction: string) =>
    http(api.baseUrl, 'POST', `/api/v1/public/cases/${c.caseNo}/evaluation`, { body: { accessCode: c.accessCode, satisfaction } });

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    for (const user of ['handler.gz', 'handler.hz', 'supervisor.gz', 'operator.gz']) tokens[user] = await login(api.baseUrl, user);
    const orgs = await db.getRepository(OrganizationEntity).find();
    gzOffice = orgs.find((o) => o.name === '广州市网信办')!.id;
    const gzHost = orgs.find((o) => o.name === '广州市某区政务服务数据管理局')!.id;

    // A: rectified after one return, replied, satisfied.
    const a = await submit('某区统计报表群A');
    cases.a = a;
    await act('handler.gz', a.caseId, 'accept', { note: '受理' });
    await act('handler.gz', a.caseId, 'dispatch', { investigatingOrgId: gzOffice, hostUnitId: gzHost });
    await act('handler.gz', a.caseId, 'finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有多头填报' });
    await act('operator.gz', a.caseId, 'sign', { note: '签收' });
    await act('operator.gz', a.caseId, 'submit-rectification', { plan: '合并报表', evidence: ['通知'] });
    await act('supervisor.gz', a.caseId, 'return-rectification', { reason: '证据不足' });
    await act('operator.gz', a.caseId, 'submit-rectification', { plan: '合并报表并公告', evidence: ['通知', '公告'] });
    await act('supervisor.gz', a.caseId, 'approve-rectification');
    await act('handler.gz', a.caseId, 'reply', { content: '已责令合并报表。' });
    expect((await evaluate(a, 'SATISFIED')).status).toBe(200);

    // B: rejected.
    const b = await submit('某区统计报表群B');
    cases.b = b;
    await act('handler.gz', b.caseId, 'reject', { reason: 'NO_FACTS', note: '无具体事实' });

    // C: accepted after an approved extension, found unsubstantiated, replied, unsatisfied: reopened, still open.
    const c = await submit('某区统计报表群C');
    cases.c = c;
    await act('handler.gz', c.caseId, 'request-extension', { days: 2, reason: '需核实材料' });
    await act('supervisor.gz', c.caseId, 'decide-extension', { approve: true, note: '同意' });
    await act('handler.gz', c.caseId, 'accept', { note: '受理' });
    await act('handler.gz', c.caseId, 'dispatch', { investigatingOrgId: gzOffice, hostUnitId: gzHost });
    await act('handler.gz', c.caseId, 'finding', { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: '未发现重复填报' });
    await act('handler.gz', c.caseId, 'reply', { content: '经核查不属实。' });
    expect((await evaluate(c, 'UNSATISFIED')).status).toBe(200);

    // D: the same matter as C, merged into it.
    const d = await submit('某区统计报表群C');
    await act('handler.gz', d.caseId, 'merge', { targetCaseId: c.caseId, note: '同一事项' });
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('counts each measure on its own denominator, from the rollups the projection keeps', async () => {
    const body = await eventually(async () => {
      const response = await statistics('supervisor.gz', `period=${month}&regionCode=${REGION}`);
      expect(response.status).toBe(200);
      expect(response.body.total.rates.find((r: Rate) => r.key === 'reopenRate')).toMatchObject({ numerator: 1 });
      expect(response.body.total.rates.find((r: Rate) => r.key === 'satisfactionRate')).toMatchObject({ denominator: 1 });
      return response.body;
    });
    expect(body).toMatchObject({ from: month, to: month, groupBy: 'NONE', smallDenominator: 10, rows: [] });
    const { total } = body;
    expect(total.cases).toBe(4);
    const onTime = Object.fromEntries(total.onTime.map((r: Rate) => [r.key, [r.numerator, r.denominator]]));
    // Every acceptance done on time (C within its extension); A rectified and reviewed twice.
    expect(onTime).toEqual({ ACCEPTANCE: [4, 4], DISPATCH: [2, 2], INVESTIGATION: [2, 2], SIGN: [1, 1], RECTIFICATION: [2, 2], REVIEW: [2, 2], FEEDBACK: [2, 2] });
    const rates = Object.fromEntries(total.rates.map((r: Rate) => [r.key, [r.numerator, r.denominator]]));
    expect(rates).toEqual({
      supervisionRate: [0, 2],
      referralRate: [0, 2],
      rectificationCompletionRate: [1, 1],
      returnRate: [1, 1],
      reopenRate: [1, 2],
      satisfactionRate: [1, 1],
      evaluationRate: [1, 1],
      overdueOpenRate: [0, 1],
    });
    expect(total.rates.every((r: Rate) => r.small)).toBe(true);
    expect(total.rates.find((r: Rate) => r.key === 'reopenRate')).toMatchObject({ rate: 0.5, label: '重新办理率' });
    // A alone was handled to the end, the same day: no working day in between.
    expect(total.handlingDays).toEqual({ cases: 1, median: 0, p90: 0, small: true });
  });

  it('breaks down by a dimension in its own order, never by a rate', async () => {
    const byMonth = await statistics('supervisor.gz', `from=${month}&to=${month}&regionCode=${REGION}&groupBy=MONTH`);
    expect(byMonth.status).toBe(200);
    expect(byMonth.body.rows.map((r: { key: string; cases: number }) => [r.key, r.cases])).toEqual([[month, 4]]);
    const bySource = await statistics('handler.gz', `period=${month.slice(0, 4)}&regionCode=${REGION}&groupBy=SOURCE&category=DUPLICATE_REPORTING`);
    expect(bySource.body.rows).toEqual([expect.objectContaining({ key: 'COMPLAINT', label: '群众投诉', cases: 4 })]);
  });

  it('lists the cases behind a number, whose counts sum to it', async () => {
    const list = (counter: string, user = 'supervisor.gz') => http(api.baseUrl, 'GET', `/api/v1/statistics/cases?period=${month}&regionCode=${REGION}&counter=${counter}`, { token: tokens[user] });
    const total = (await statistics('supervisor.gz', `period=${month}&regionCode=${REGION}`)).body.total;
    const reopen = total.rates.find((r: Rate & { numeratorOf: string; denominatorOf: string }) => r.key === 'reopenRate');
    expect([reopen.numeratorOf, reopen.denominatorOf]).toEqual(['reopened', 'replied']);

    const reopened = await list(reopen.numeratorOf);
    expect(reopened.status).toBe(200);
    expect(reopened.body.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([cases.c.caseNo]);
    const replied = await list('replied');
    expect(replied.body.items.map((c: { caseNo: string }) => c.caseNo).sort()).toEqual([cases.a.caseNo, cases.c.caseNo].sort());
    // A rectification reviewed twice: the case counts 2 in the stage's numbers.
    expect((await list('done_review')).body.items).toEqual([expect.objectContaining({ caseNo: cases.a.caseNo, count: 2 })]);
    expect((await list('cases')).body.total).toBe(4);
    expect((await list('rejected')).body.items).toEqual([expect.objectContaining({ caseNo: cases.b.caseNo, status: 'CLOSED' })]);
    expect((await list('cases', 'handler.hz')).body.total).toBe(0);
  });

  it('keeps to the reader’s reach', async () => {
    // Hangzhou's handler reaches none of these cases, and not Guangzhou's office.
    const hz = await statistics('handler.hz', `period=${month}&regionCode=${REGION}`);
    expect(hz.status).toBe(200);
    expect(hz.body.total.cases).toBe(0);
    expect((await statistics('handler.hz', `period=${month}&orgId=${gzOffice}`)).status).toBe(404);
    expect((await statistics('handler.gz', `period=${month}&orgId=${gzOffice}&regionCode=${REGION}`)).body.total.cases).toBe(4);
    expect((await statistics('operator.gz', `period=${month}`)).status).toBe(403);
  });

  it('refuses a period it cannot answer, with a code', async () => {
    for (const query of ['from=2026-05&to=2026-01', 'from=2026-01', `period=${month}&from=2026-01&to=2026-02`, 'from=2000-01&to=2026-01']) {
      const response = await statistics('supervisor.gz', query);
      expect(`${query}: ${response.status} ${response.body.code}`).toBe(`${query}: 400 STATISTICS_PERIOD_INVALID`);
    }
  });
});

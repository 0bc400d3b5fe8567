import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, OrganizationEntity, UserEntity } from '@app/database';
import { campaignFindingKey, campaignWorkflowId, failedCategories, findingDescription, SUBJECT_TYPE_OF_KIND } from '@app/domain';
import { campaignStateQuery } from '@app/temporal';
import { CampaignPortsService } from '../../apps/worker/src/campaigns/campaign-ports.service';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

/** Names unique to this run: the database may hold entries of earlier runs. */
const RUN = Date.now().toString(36).slice(-5);

/** A spot-check campaign through HTTP on the real stack: from the registry to the sample, the findings and the close. */
describe('spot-check campaigns', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const as = (user: string) => tokens[user];
  const post = (user: string, path: string, body: unknown = {}) => http(api.baseUrl, 'POST', `/api/v1${path}`, { token: as(user), body });
  const get = (user: string, path: string) => http(api.baseUrl, 'GET', `/api/v1${path}`, { token: as(user) });

  const campaign = (over: Record<string, unknown> = {}) => ({
    title: `第四季度抽查${RUN}`,
    scope: { regionCodes: ['440100'], kinds: [], periodFrom: '2026-10-01', periodTo: '2026-12-31' },
    sampleSize: 4,
    strata: 'KIND',
    weighting: 'EQUAL',
    seed: `seed-${RUN}`,
    deadlineWorkingDays: 5,
    ...over,
  });

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    for (const user of ['admin', 'inspector.gd', 'inspector.central', 'supervisor.gd', 'supervisor.gz', 'handler.gd']) {
      tokens[user] = await login(api.baseUrl, user);
      ids[user] = (await db.getRepository(UserEntity).findOneByOrFail({ username: user })).id;
    }
    const host = await db.getRepository(OrganizationEntity).findOneByOrFail({ name: '广州市某区政务服务数据管理局' });
    // Six entries in Guangzhou: three apps, two public accounts, a work group.
    const entries = [
      { name: `穗抽查${RUN}甲`, kind: 'APP', platform: 'ANDROID_IOS', icpFiling: `粤ICP备20${String(Date.now()).slice(-6)}号-1A` },
      { name: `穗抽查${RUN}乙`, kind: 'APP', platform: 'ANDROID_IOS', icpFiling: `粤ICP备20${String(Date.now() + 1).slice(-6)}号-1A` },
      { name: `穗抽查${RUN}丙`, kind: 'APP', platform: 'HARMONYOS', icpFiling: `粤ICP备20${String(Date.now() + 2).slice(-6)}号-1A` },
      { name: `穗抽查号${RUN}甲`, kind: 'PUBLIC_ACCOUNT', platform: 'WECHAT' },
      { name: `穗抽查号${RUN}乙`, kind: 'PUBLIC_ACCOUNT', platform: 'WEIBO' },
      { name: `穗抽查群${RUN}`, kind: 'WORK_GROUP', platform: 'WECOM' },
    ];
    for (const e of entries) {
      const created = await post('inspector.gd', '/registry', { hostUnitId: host.id, regionCode: '440106', launchedOn: '2021-05-01', declaredUsers: 1000, features: [], status: 'ACTIVE', lastUsedOn: '2026-11-01', ...e });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('runs a campaign from the sample to findings and the close, with the same sample from the same seed', async () => {
    const checklist = await get('supervisor.gd', '/campaign-checklist');
    expect(checklist.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ checkId: 'CHECK_IN', category: 'FORCED_CHECKIN', appliesTo: ['APP', 'MINI_PROGRAM'] })]));

    const created = await post('inspector.gd', '/campaigns', campaign());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', organizationName: '广东省网信办', seed: `seed-${RUN}`, snapshotFingerprint: null });
    const id = created.body.campaignId;

    const drawn = await post('inspector.gd', `/campaigns/${id}/draw`);
    expect(drawn.status).toBe(200);
    expect(drawn.body.campaign).toMatchObject({ status: 'IN_PROGRESS', snapshotFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const items = drawn.body.items as Array<{ itemNo: number; stratum: string; registryEntryId: number; checks: string[]; kind: string }>;
    expect(items).toHaveLength(4);
    for (const { stratum, quota } of drawn.body.campaign.allocation) expect(items.filter((i) => i.stratum === stratum)).toHaveLength(quota);
    expect(drawn.body.campaign.allocation.reduce((s: number, a: { quota: number }) => s + a.quota, 0)).toBe(4);
    expect((await post('inspector.gd', `/campaigns/${id}/draw`)).body.code).toBe('CAMPAIGN_NOT_NOW');

    // The same seed on the same registry: the same sample, in another campaign.
    const again = await post('admin', '/campaigns', campaign({ title: `复核抽样${RUN}` }));
    const redrawn = await post('admin', `/campaigns/${again.body.campaignId}/draw`);
    expect(redrawn.body.campaign.snapshotFingerprint).toBe(drawn.body.campaign.snapshotFingerprint);
    expect(redrawn.body.items.map((i: { registryEntryId: number }) => i.registryEntryId)).toEqual(items.map((i) => i.registryEntryId));
    const other = await post('admin', '/campaigns', campaign({ title: `另一种子${RUN}`, seed: `other-${RUN}`, sampleSize: 2, strata: 'NONE' }));
    expect((await post('admin', `/campaigns/${other.body.campaignId}/draw`)).body.items).toHaveLength(2);

    // Assign: only inspectors of the campaign's office.
    const inspectors = await get('inspector.gd', `/campaigns/${id}/inspectors`);
    expect(inspectors.body.items).toEqual([{ userId: ids['inspector.gd'], displayName: '省抽查员' }]);
    const wrong = await post('inspector.gd', `/campaigns/${id}/assign`, { assignments: [{ itemNo: 1, inspectorUserId: ids['inspector.central'] }] });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'CAMPAIGN_INVALID']);
    const assigned = await post('inspector.gd', `/campaigns/${id}/assign`, { assignments: items.map((i) => ({ itemNo: i.itemNo, inspectorUserId: ids['inspector.gd'] })) });
    expect(assigned.status).toBe(200);
    expect(assigned.body.items.every((i: { status: string; deadlineAt: string | null }) => i.status === 'ASSIGNED' && i.deadlineAt !== null)).toBe(true);
    expect((await get('inspector.gd', '/campaign-items/mine?status=ASSIGNED')).body.items.filter((i: { campaignId: string }) => i.campaignId === id)).toHaveLength(4);
    await eventually(async () => {
      const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND notice = 'CAMPAIGN_ITEM_ASSIGNED' AND dedupe_key LIKE ?`, [ids['inspector.gd'], `campaign.${id}.%`]);
      expect(Number(n)).toBe(4);
    });

    // Not the assignee: refused. A result must answer every check of the item.
    const [first, ...rest] = items;
    const pass = (checks: string[]) => checks.map((checkId) => ({ checkId, passed: true, note: '' }));
    const notMine = await post('inspector.central', `/campaigns/${id}/items/${first.itemNo}/result`, { results: pass(first.checks) });
    expect([notMine.status, notMine.body.code]).toEqual([403, 'CAMPAIGN_NOT_ASSIGNEE']);
    const partial = await post('inspector.gd', `/campaigns/${id}/items/${first.itemNo}/result`, { results: pass(first.checks).slice(1) });
    expect([partial.status, partial.body.code]).toEqual([400, 'CAMPAIGN_INVALID']);

    // A failed item: one finding case, naming the campaign; recording again is refused and opens nothing.
    const failedResults = first.checks.map((checkId, k) => ({ checkId, passed: k !== 0, note: k === 0 ? '要求全员每日登录，并按使用率排名' : '' }));
    const failed = await post('inspector.gd', `/campaigns/${id}/items/${first.itemNo}/result`, { results: failedResults, evidenceRef: 'archive-2026-117', severity: 'GENERAL' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'FAILED', findingCaseId: expect.any(String), findingCaseNo: expect.stringMatching(/^FT\d{8}-\d{8}$/) });
    const caseId = failed.body.findingCaseId;
    const kase = await eventually(async () => {
      const response = await get('supervisor.gd', `/cases/${caseId}`);
      expect(response.status).toBe(200);
      return response.body;
    });
    expect(kase).toMatchObject({ source: 'SPOT_CHECK', caseNo: failed.body.findingCaseNo, registryEntry: { id: first.registryEntryId } });
    expect(kase.description).toContain(`第四季度抽查${RUN}`);
    expect(kase.description).toContain(id);
    expect((await post('inspector.gd', `/campaigns/${id}/items/${first.itemNo}/result`, { results: pass(first.checks) })).body.code).toBe('CAMPAIGN_ITEM_DONE');

    // The opening activity retried with the same input (as Temporal retries it) answers the same case.
    const client = api.app.get(Client);
    const state = await client.workflow.getHandle(campaignWorkflowId(id)).query(campaignStateQuery);
    const item = state.items.find((i) => i.itemNo === first.itemNo)!;
    const retried = await new MockActivityEnvironment(undefined, { client }).run(() =>
      worker.get(CampaignPortsService).openFinding({
        key: campaignFindingKey(id, item.itemNo),
        category: failedCategories(item.results!)[0],
        severity: item.severity!,
        subjectType: SUBJECT_TYPE_OF_KIND[item.kind],
        subjectName: item.entryName,
        regionCode: item.regionCode,
        hostUnitId: item.hostUnitId,
        registryEntryId: item.registryEntryId,
        description: findingDescription(state, item),
      }),
    );
    expect(retried).toEqual({ caseId, caseNo: failed.body.findingCaseNo });
    const [{ n: findings }] = await db.query(`SELECT COUNT(*) AS n FROM cases WHERE description LIKE ?`, [`%${id}%`]);
    expect(Number(findings)).toBe(1);

    // The others pass: the campaign closes by itself, and its summary tells the story.
    for (const item of rest) expect((await post('inspector.gd', `/campaigns/${id}/items/${item.itemNo}/result`, { results: pass(item.checks) })).body.status).toBe('PASSED');
    await eventually(async () => expect((await get('supervisor.gd', `/campaigns/${id}`)).body).toMatchObject({ status: 'CLOSED', counts: { items: 4, passed: 3, failed: 1 } }));
    const summary = await get('supervisor.gd', `/campaigns/${id}/summary`);
    expect(summary.body).toMatchObject({ status: 'CLOSED', totals: { items: 4, passed: 3, failed: 1, pending: 0 } });
    expect(summary.body.byStratum.reduce((s: number, b: { drawn: number }) => s + b.drawn, 0)).toBe(4);
    const category = checklist.body.items.find((c: { checkId: string }) => c.checkId === first.checks[0]).category;
    expect(summary.body.findingsByCategory).toEqual([{ category, count: 1 }]);
    expect(kase.category).toBe(category);
    expect(summary.body.cases).toEqual([expect.objectContaining({ itemNo: first.itemNo, caseId, stage: expect.any(String), status: 'OPEN' })]);

    const audit = await db.query(`SELECT action FROM audit_records WHERE subject = ? ORDER BY seq`, [`campaign:${id}`]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['campaign.CREATED', 'campaign.DRAWN', 'campaign.ASSIGNED', 'campaign.ITEM_FAILED', 'campaign.ITEM_PASSED', 'campaign.CLOSED']));

    // Closed: nothing more; the office closes the other campaigns by hand.
    expect((await post('inspector.gd', `/campaigns/${id}/close`)).body.code).toBe('CAMPAIGN_NOT_NOW');
    expect((await post('admin', `/campaigns/${again.body.campaignId}/close`, { note: '复核完毕' })).body.status).toBe('CLOSED');
  }, 120_000);

  it('refuses roles and places that do not run campaigns, and scopes outside the office', async () => {
    const byHandler = await post('handler.gd', '/campaigns', campaign());
    expect(byHandler.status).toBe(403);
    const outside = await post('inspector.gd', '/campaigns', campaign({ scope: { regionCodes: ['330100'], kinds: [], periodFrom: '2026-10-01', periodTo: '2026-12-31' } }));
    expect([outside.status, outside.body.code, outside.body.details[0].field]).toEqual([400, 'CAMPAIGN_INVALID', 'scope.regionCodes.0']);
    const quotas = await post('inspector.gd', '/campaigns', campaign({ quotas: [{ stratum: 'PROVINCE', quota: 4 }] }));
    expect([quotas.status, quotas.body.details[0].field]).toEqual([400, 'quotas.0.stratum']);

    const created = await post('inspector.gd', '/campaigns', campaign({ title: `辖区${RUN}` }));
    const id = created.body.campaignId;
    // A city office does not see a provincial campaign; the provincial supervisor reads but does not run it.
    expect((await get('supervisor.gz', `/campaigns/${id}`)).status).toBe(404);
    expect((await get('supervisor.gz', '/campaigns')).body.items.some((c: { campaignId: string }) => c.campaignId === id)).toBe(false);
    expect((await get('supervisor.gd', `/campaigns/${id}`)).status).toBe(200);
    expect((await post('supervisor.gd', `/campaigns/${id}/draw`)).status).toBe(403);
    expect((await get('inspector.central', `/campaigns/${id}`)).status).toBe(200);
    expect((await post('inspector.gd', `/campaigns/${id}/close`)).body.status).toBe('CLOSED');
  }, 60_000);
});


import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities, CampaignFindingRequest, CampaignNotice } from '../activities';
import { WorkingCalendar } from '../libs/calendar/src/working-calendar';
import {
  campaignWorkflowId,
  checksFor,
  drawSample,
  type ActorRef,
  type CampaignCommand,
  type CampaignDefinition,
  type CampaignDraw,
  type CampaignHeader,
  type CampaignItemState,
  type CampaignState,
  type CheckResult,
} from '../libs/domain/src';
import type { NoticeRequest } from '../libs/projection/src/notification.writer';
import { campaignActionUpdate, campaignStateQuery } from '../libs/temporal/src/workflow-contracts';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv } from '../test/support/time-skipping';
import { campaignWorkflow } from '.';

const TASK_QUEUE = 'campaign-workflow-spec';
const OFFICE = 20;
const ADMIN: ActorRef = { userId: 1, role: 'ADMIN', organizationId: OFFICE };
const ANNA: ActorRef = { userId: 7, role: 'INSPECTOR', organizationId: OFFICE };
const BO: ActorRef = { userId: 8, role: 'INSPECTOR', organizationId: OFFICE };
const DEFINITION: CampaignDefinition = {
  title: '2026年第四季度政务应用抽查',
  organizationId: OFFICE,
  scope: { regionCodes: ['440000'], kinds: [], periodFrom: '2026-10-01', periodTo: '2026-12-31' },
  sampleSize: 3,
  strata: 'KIND',
  quotas: null,
  weighting: 'EQUAL',
  seed: 'q4-2026',
  deadlineWorkingDays: 10,
};
const ENTRIES = [
  { id: 11, version: 2, stratum: 'APP', weight: 1 },
  { id: 12, version: 1, stratum: 'APP', weight: 1 },
  { id: 13, version: 1, stratum: 'PUBLIC_ACCOUNT', weight: 1 },
  { id: 14, version: 3, stratum: 'WORK_GROUP', weight: 1 },
];
const KIND_OF: Record<string, 'APP' | 'PUBLIC_ACCOUNT' | 'WORK_GROUP'> = { APP: 'APP', PUBLIC_ACCOUNT: 'PUBLIC_ACCOUNT', WORK_GROUP: 'WORK_GROUP' };

// The activities, faked: the sampler runs for real on a fixed snapshot; what was written, opened and sent is kept.
const calendar = new WorkingCalendar();
const writes: Array<{ action: string; status: string; revision: number; items: number[] }> = [];
const findings: CampaignFindingRequest[] = [];
const inbox: Array<{ userId: number } & CampaignNotice> = [];
const notices: NoticeRequest[] = [];
let emptyScope = false;
const activities = {
  async drawCampaignSample(_id: string, definition: CampaignDefinition): Promise<CampaignDraw> {
    if (emptyScope) return { snapshotFingerprint: '0'.repeat(64), snapshotSize: 0, allocation: [], entries: [] };
    const sample = drawSample(ENTRIES, { seed: definition.seed, sampleSize: definition.sampleSize, strataOrder: ['APP', 'MINI_PROGRAM', 'PUBLIC_ACCOUNT', 'WORK_GROUP'] });
    return {
      snapshotFingerprint: 'f'.repeat(64),
      snapshotSize: ENTRIES.length,
      allocation: sample.allocation,
      entries: sample.items.map((i) => ({
        itemNo: i.drawOrder, registryEntryId: i.id, registryEntryVersion: i.version, entryName: `条目${i.id}`, kind: KIND_OF[i.stratum], regionCode: '440100',
        hostUnitId: 300 + i.id, hostUnitName: '某单位', stratum: i.stratum, weight: i.weight, checks: checksFor(KIND_OF[i.stratum]),
      })),
    };
  },
  async projectCampaign(header: CampaignHeader, items: CampaignItemState[], action: string) {
    writes.push({ action, status: header.status, revision: header.revision, items: items.map((i) => i.itemNo) });
  },
  async openCampaignFinding(request: CampaignFindingRequest) {
    findings.push(request);
    return { caseId: `case-for-${request.key}`, caseNo: `FT20261203-${String(findings.length).padStart(8, '0')}` };
  },
  async notifyCampaignInspector(userId: number, notice: CampaignNotice) {
    inbox.push({ userId, ...notice });
  },
  async computeDeadline(startedAt: string, amount: number, terms: Parameters<WorkingCalendar['schedule']>[2]) {
    return calendar.schedule(new Date(startedAt), amount, terms);
  },
  async sendNotice(request: NoticeRequest) {
    notices.push(request);
    return 1;
  },
} as Partial<Activities> as Activities;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowsPath: require.resolve('./index'), activities });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

async function start(campaignId: string) {
  const handle = await env.client.workflow.start(campaignWorkflow, {
    args: [{ campaignId, definition: DEFINITION, createdBy: ADMIN, createdAt: new Date(await env.currentTimeMs()).toISOString() }],
    workflowId: campaignWorkflowId(campaignId),
    taskQueue: TASK_QUEUE,
  });
  // The Update answers briefly (status, revision); the state is read after it, as the API reads the projection.
  const act = async (command: CampaignCommand) => {
    const answer = await handle.executeUpdate(campaignActionUpdate, { args: [command] });
    const state = await handle.query(campaignStateQuery);
    expect(answer).toEqual({ campaignId: state.campaignId, status: state.status, revision: state.revision });
    return state;
  };
  const refused = async (command: CampaignCommand, message: string) => {
    const error = await act(command).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((error as WorkflowUpdateFailedError).cause as Error).message).toBe(message);
  };
  return { handle, act, refused };
}

const allPass = (checks: string[]): CheckResult[] => checks.map((checkId) => ({ checkId, passed: true, note: '' }));

/** Waits (in real time) until the workflow's state satisfies the test: timers fire as the server skips time. */
async function until(handle: { query: (q: typeof campaignStateQuery) => Promise<CampaignState> }, ok: (s: CampaignState) => boolean): Promise<CampaignState> {
  for (let i = 0; i < 200; i++) {
    const state = await handle.query(campaignStateQuery);
    if (ok(state)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the workflow never got there');
}

describe('campaign workflow', () => {
  it('draws, assigns with working-day deadlines, reminds, warns when overdue, opens a finding for a failed item and closes when every item is done', async () => {
    const { handle, act, refused } = await start('k-1');
    await refused({ action: 'assign', actor: ADMIN, assignments: [{ itemNo: 1, inspectorUserId: 7 }] }, 'assign is not allowed while the campaign is DRAFT');
    await refused({ action: 'draw', actor: { ...ADMIN, role: 'SUPERVISOR' } }, 'This action needs one of the roles: ADMIN, INSPECTOR');

    const drawn = await act({ action: 'draw', actor: ADMIN });
    expect(drawn).toMatchObject({ status: 'IN_PROGRESS', snapshotFingerprint: 'f'.repeat(64), snapshotSize: 4 });
    expect(drawn.allocation).toEqual([
      { stratum: 'APP', population: 2, quota: 1 },
      { stratum: 'PUBLIC_ACCOUNT', population: 1, quota: 1 },
      { stratum: 'WORK_GROUP', population: 1, quota: 1 },
    ]);
    expect(drawn.items.map((i) => [i.itemNo, i.stratum, i.status])).toEqual([[1, 'APP', 'UNASSIGNED'], [2, 'PUBLIC_ACCOUNT', 'UNASSIGNED'], [3, 'WORK_GROUP', 'UNASSIGNED']]);
    await refused({ action: 'draw', actor: ADMIN }, 'draw is not allowed while the campaign is IN_PROGRESS');

    const assignedAt = await env.currentTimeMs();
    const assigned = await act({ action: 'assign', actor: ADMIN, assignments: [{ itemNo: 1, inspectorUserId: 7 }, { itemNo: 2, inspectorUserId: 7 }, { itemNo: 3, inspectorUserId: 8 }] });
    const item3 = assigned.items[2];
    const expected = calendar.schedule(new Date(item3.assignedAt!), 10, { timeUnit: 'WORKING_DAY', supervisionGrace: 1, referralGrace: 1 });
    expect(item3).toMatchObject({ status: 'ASSIGNED', inspectorUserId: 8, remindAt: expected.warnAt, deadlineAt: expected.deadlineAt });
    // Ten working days are at least two weeks of the calendar.
    expect(Date.parse(item3.deadlineAt!) - assignedAt).toBeGreaterThanOrEqual(13 * 86_400_000);
    expect(inbox.filter((n) => n.notice === 'CAMPAIGN_ITEM_ASSIGNED').map((n) => n.userId)).toEqual([7, 7, 8]);

    await refused({ action: 'record', actor: BO, itemNo: 1, results: allPass(assigned.items[0].checks), evidenceRef: null, severity: null }, 'only the inspector assigned to the item records its result');
    await refused({ action: 'record', actor: ANNA, itemNo: 1, results: allPass(assigned.items[0].checks).slice(1), evidenceRef: null, severity: null }, `Invalid campaign result: results: ${assigned.items[0].checks[0]} is not answered`);

    // Nothing before two thirds of the working time; then a reminder to each inspector, once.
    await env.sleep(Date.parse(item3.remindAt!) - (await env.currentTimeMs()) - 60_000);
    expect(inbox.filter((n) => n.notice === 'CAMPAIGN_ITEM_REMINDER')).toHaveLength(0);
    await env.sleep(120_000);
    await until(handle, (s) => s.items.every((i) => i.reminded));
    expect(inbox.filter((n) => n.notice === 'CAMPAIGN_ITEM_REMINDER').map((n) => n.userId).sort()).toEqual([7, 7, 8]);

    // Item 1 fails: one finding case, of the first failed check's category, keyed by campaign and item.
    const failedResults = assigned.items[0].checks.map((checkId, k) => ({ checkId, passed: k !== 0 && k !== 2, note: k === 0 || k === 2 ? '要求每日登录并截图上报' : '' }));
    const failed = await act({ action: 'record', actor: ANNA, itemNo: 1, results: failedResults, evidenceRef: 'evidence:abc', severity: 'SERIOUS' });
    expect(failed.items[0]).toMatchObject({ status: 'FAILED', findingCaseId: 'case-for-campaign:k-1:1', findingCaseNo: 'FT20261203-00000001', severity: 'SERIOUS' });
    expect(findings).toEqual([
      expect.objectContaining({ key: 'campaign:k-1:1', category: 'FORCED_USE', severity: 'SERIOUS', subjectType: 'APP', subjectName: failed.items[0].entryName, hostUnitId: failed.items[0].hostUnitId }),
    ]);
    expect(findings[0].description).toContain('2026年第四季度政务应用抽查');
    await refused({ action: 'record', actor: ANNA, itemNo: 1, results: allPass(assigned.items[0].checks), evidenceRef: null, severity: null }, "the item's result is already recorded");
    await act({ action: 'record', actor: ANNA, itemNo: 2, results: allPass(assigned.items[1].checks), evidenceRef: null, severity: null });

    // Item 3 runs past its deadline: its inspector and the office's supervisors are told, once.
    await env.sleep(Date.parse(item3.deadlineAt!) - (await env.currentTimeMs()) + 60_000);
    await until(handle, (s) => s.items[2].overdueWarned);
    expect(inbox.filter((n) => n.notice === 'CAMPAIGN_ITEM_OVERDUE').map((n) => n.userId)).toEqual([8]);
    expect(notices).toEqual([expect.objectContaining({ notice: 'CAMPAIGN_ITEM_OVERDUE', caseId: null, to: [{ orgId: OFFICE, role: 'SUPERVISOR', level: 'SELF' }] })]);

    await act({ action: 'record', actor: BO, itemNo: 3, results: allPass(assigned.items[2].checks), evidenceRef: null, severity: null });
    const closed = await handle.result();
    expect(closed.status).toBe('CLOSED');
    expect(closed.items.map((i) => i.status)).toEqual(['FAILED', 'PASSED', 'PASSED']);
    await recordHistory(handle, 'campaign');
    expect(findings).toHaveLength(1);
    expect(writes.filter((w) => w.action === 'CLOSED')).toEqual([expect.objectContaining({ status: 'CLOSED' })]);
    // Every change of this campaign was written once, under the next revision, with the items it changed.
    const own = writes.slice(0, writes.findIndex((w) => w.action === 'CLOSED') + 1);
    expect(own.map((w) => w.revision)).toEqual(own.map((_, k) => k));
    expect(own.map((w) => [w.action, w.items])).toEqual([
      ['CREATED', []], ['DRAWN', [1, 2, 3]], ['ASSIGNED', [1, 2, 3]], ['ITEMS_REMINDED', [1, 2, 3]], ['ITEM_FAILED', [1]], ['ITEM_PASSED', [2]],
      ['ITEMS_OVERDUE', [3]], ['ITEM_PASSED', [3]], ['CLOSED', []],
    ]);
  }, 60_000);

  it('refuses a draw from an empty scope, and is closed by the office with items pending', async () => {
    emptyScope = true;
    const { handle, act, refused } = await start('k-2');
    await refused({ action: 'draw', actor: ADMIN }, "no registry entry in the campaign's scope");
    expect((await handle.query(campaignStateQuery)).status).toBe('DRAFT');
    emptyScope = false;
    await act({ action: 'draw', actor: ADMIN });
    await act({ action: 'close', actor: ANNA, note: '年底结束' });
    const closed = await handle.result();
    expect(closed.status).toBe('CLOSED');
    expect(closed.items.every((i) => i.status === 'UNASSIGNED')).toBe(true);
    expect(writes.filter((w) => w.action === 'CLOSED')).toHaveLength(2);
  }, 60_000);

  it('draws the same sample in two campaigns with the same seed and snapshot', async () => {
    const a = await (await start('k-3')).act({ action: 'draw', actor: ADMIN });
    const b = await (await start('k-4')).act({ action: 'draw', actor: ADMIN });
    expect(b.items.map((i) => i.registryEntryId)).toEqual(a.items.map((i) => i.registryEntryId));
  }, 60_000);
});

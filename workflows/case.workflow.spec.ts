import { WorkflowUpdateFailedError, WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { activityInfo } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import type { NoticeRequest } from '../libs/projection/src/notification.writer';
import { planDecision } from '../libs/projection/src/case-decision';
import {
  caseWorkflowId,
  DEFAULT_SLA_TERMS,
  referralWorkflowId,
  type AccountabilityOutcome,
  type ActionPayloads,
  type ActorRef,
  type CaseAction,
  type CommandOf,
  type CaseStall,
  type CaseState,
  type CaseWorkflowInput,
  type ReferralState,
  type SlaPolicySnapshot,
  type TimelineEntry,
} from '../libs/domain/src';
import { WorkingCalendar, type DayOverride } from '../libs/calendar/src/working-calendar';
import { CaseStageKey, CaseStatusKey } from '../libs/temporal/src/search-attributes';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv } from '../test/support/time-skipping';
import {
  ACTION_REFUSED,
  CASE_STALLED,
  acknowledgeReferralUpdate,
  calendarChangedSignal,
  caseActionUpdates,
  caseStateQuery,
  concludeReferralUpdate,
  referralStateQuery,
  retryStalledReferralUpdate,
  retryStalledUpdate,
} from '../libs/temporal/src/workflow-contracts';
import { calendarBroadcastWorkflow } from './calendar-broadcast.workflow';
import { caseWorkflow } from './case.workflow';

/*
 * The case workflow on the time-skipping test server, with in-memory activities: every path of the
 * lifecycle diagram (PRODUCT.md, "The case lifecycle") and every escalation ("Deadlines and escalation").
 * Escalations are checked by the instant they fired at: the time-skipping server jumps straight to a timer,
 * so an event projected at its scheduled instant proves it fired neither early nor late.
 * RECORD_HISTORIES=1 also writes the histories the replay test replays (see case.workflow.replay.spec.ts).
 */

const TASK_QUEUE = 'unit-case-workflow';
const POLICY: SlaPolicySnapshot = { ...DEFAULT_SLA_TERMS, policyId: 1, version: 1 };
const HANDLING_ORG = 10;
const INVESTIGATING_ORG = 20;
const HOST_UNIT = 30;
/** Discipline bodies: the handling office's own (110), the provincial one (100), the central one (1). */
const DISCIPLINE_BODY_OF: Record<number, number> = { [HANDLING_ORG]: 110 };
const NEXT_DISCIPLINE_BODY: Record<number, number> = { 110: 100, 100: 1 };
const DAY = 86_400_000;

const ACTORS = {
  HANDLER: { userId: 1, role: 'HANDLER', organizationId: HANDLING_ORG },
  OPERATOR: { userId: 2, role: 'HOST_UNIT_OPERATOR', organizationId: HOST_UNIT },
  SUPERVISOR: { userId: 3, role: 'SUPERVISOR', organizationId: HANDLING_ORG },
  COMPLAINANT: { userId: null, role: 'COMPLAINANT', organizationId: null },
  OFFICER: { userId: 5, role: 'DISCIPLINE_OFFICER', organizationId: 110 },
} satisfies Record<string, ActorRef>;

// ---- The fake activities: in memory, recording what the workflows asked for. ----

interface Projection {
  state: CaseState;
  events: TimelineEntry[];
  firstSeq: number;
  at: string;
}
interface ReferralWrite {
  kind: 'register' | 'project';
  state: ReferralState;
  at: string;
}

const registered: CaseWorkflowInput[] = [];
const projections: Projection[] = [];
const notices: NoticeRequest[] = [];
const referralWrites: ReferralWrite[] = [];
/** The calendar computeDeadline uses; a test may replace it to publish a holiday. */
let calendar = new WorkingCalendar();
/** What openReferralIds answers: the referrals a calendar broadcast reaches. */
let openReferrals: string[] = [];
/** Registration of these cases waits until the promise settles (the database is down). */
const registrationHolds = new Map<string, Promise<void>>();
/** Holds a test set up, released after it whatever happened, so the worker can drain. */
const releaseAtEnd: (() => void)[] = [];
/** Stall records written (a stall, or its end after a retry). */
const stallRecords: { caseId: string; stall: CaseStall | null; stallNo: number; actor: ActorRef | null }[] = [];
/** A permanent failure for a call, as activity-errors.ts raises it, when this returns a message. */
let permanentFailure: (activity: string, arg: unknown) => string | undefined = () => undefined;
const failForGood = (activity: string, arg: unknown) => {
  const message = permanentFailure(activity, arg);
  if (message) throw ApplicationFailure.create({ type: 'OrmMisuse', message, nonRetryable: true });
};

/** Calls by case workflows of the activities that cases started before ONE_TRANSACTION_PER_DECISION make, one per effect. */
const perEffectCalls: string[] = [];
const perEffectCall = (activity: string) => {
  if (activityInfo().workflowType === 'caseWorkflow') perEffectCalls.push(activity);
};

/** Referral packages asked for, by referral id. */
const packagesBuilt: string[] = [];

/** A referral projection write for which this returns a promise waits for it. */
let holdReferralWrite: (state: ReferralState) => Promise<void> | undefined = () => undefined;

const activities: Activities = {
  async registerCaseWithPolicy(input) {
    await registrationHolds.get(input.caseId);
    registered.push(input);
    return { handlingOrgId: HANDLING_ORG, policy: POLICY };
  },
  // One decision, one transaction: the real planning (libs/projection planDecision) on the test's calendar;
  // a failure of the projection or of any notice writes none of them, as a rolled-back transaction.
  async carryOutDecision(state, decision, now) {
    const write = planDecision(calendar, state, decision, now);
    failForGood('projectCase', write.state);
    for (const notice of write.notices) failForGood('sendNotice', notice);
    projections.push({ state: write.state, events: write.entries, firstSeq: write.firstSeq, at: now });
    notices.push(...write.notices);
    return write.outcome;
  },
  async registerCase(input) {
    perEffectCall('registerCase');
    await registrationHolds.get(input.caseId);
    registered.push(input);
    return { handlingOrgId: HANDLING_ORG };
  },
  async resolvePolicy() {
    perEffectCall('resolvePolicy');
    return POLICY;
  },
  async computeDeadline(startedAt, amount, terms) {
    perEffectCall('computeDeadline');
    return calendar.schedule(new Date(startedAt), amount, terms);
  },
  async revisitWindowEnd(from, amount, timeUnit) {
    perEffectCall('revisitWindowEnd');
    return calendar.addCalendarDays(new Date(from), amount, timeUnit).toISOString();
  },
  async projectCase(state, events, firstSeq, at) {
    perEffectCall('projectCase');
    failForGood('projectCase', state);
    projections.push({ state, events, firstSeq, at });
  },
  async recordStall(caseId, stall, stallNo, actor) {
    stallRecords.push({ caseId, stall, stallNo, actor });
  },
  async openCaseIds() {
    return [];
  },
  async openReferralIds(afterId) {
    return openReferrals.filter((id) => id > afterId);
  },
  // Also the stall's own notice to the supervisors, on either path.
  async sendNotice(request) {
    failForGood('sendNotice', request);
    notices.push(request);
    return notices.length;
  },
  async disciplineBodyFor(orgId) {
    return DISCIPLINE_BODY_OF[orgId];
  },
  async nextDisciplineBody(disciplineOrgId) {
    return NEXT_DISCIPLINE_BODY[disciplineOrgId];
  },
  async registerReferral(state, at) {
    referralWrites.push({ kind: 'register', state, at });
  },
  async projectReferral(state, at) {
    failForGood('projectReferral', state);
    await holdReferralWrite(state);
    referralWrites.push({ kind: 'project', state, at });
  },
  async buildReferralPackage(referralId) {
    packagesBuilt.push(referralId);
    return 'f'.repeat(64);
  },
  async projectCircular(state) {
    return state.status === 'PUBLISHED' ? 'f'.repeat(64) : null;
  },
  // The campaign workflow's activities: not called by cases (workflows/campaign.workflow.spec.ts tests them).
  async drawCampaignSample() {
    throw new Error('not a case activity');
  },
  async projectCampaign() {},
  async openCampaignFinding() {
    throw new Error('not a case activity');
  },
  async notifyCampaignInspector() {},
};

// ---- What the fakes recorded, per case. ----

type TimelineRow = TimelineEntry & { seq: number; at: string };

function timeline(caseId: string): TimelineRow[] {
  return projections
    .filter((p) => p.state.caseId === caseId)
    .flatMap((p) => p.events.map((e, i) => ({ ...e, seq: p.firstSeq + i, at: p.at })));
}
const eventTypes = (caseId: string) => timeline(caseId).map((e) => e.type);
const noticesOf = (caseId: string, notice?: string) => notices.filter((n) => n.caseId === caseId && n.referralId === null && (!notice || n.notice === notice));
const referralNotices = (referralId: string) => notices.filter((n) => n.referralId === referralId);
const writesOf = (referralId: string) => referralWrites.filter((w) => w.state.referralId === referralId);

/** The one event of that type, projected at the instant (the time-skipping server fires timers on the dot). */
function expectFiredAt(caseId: string, type: string, instant: string): TimelineRow {
  const rows = timeline(caseId).filter((e) => e.type === type);
  expect(rows).toHaveLength(1);
  const late = Date.parse(rows[0].at) - Date.parse(instant);
  expect(late).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(60_000);
  return rows[0];
}

// ---- Driving the workflows. ----

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
/** Workflows started by the current test: whatever is still open at its end is terminated. */
const startedIds: string[] = [];
const finishedReferrals = new Set<string>();
let caseCounter = 0;

function complaint(name: string, overrides: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  caseCounter += 1;
  return {
    caseId: `${name}-${caseCounter}`,
    caseNo: `FT20261123-${String(caseCounter).padStart(4, '0')}`,
    source: 'COMPLAINT',
    category: 'FORCED_CHECKIN',
    subjectType: 'WORK_GROUP',
    subjectName: '某街道工作群',
    regionCode: '440105',
    description: '要求每天在工作群打卡接龙并截图上报',
    anonymous: false,
    complainant: { nameSealed: 'sealed-name', phoneSealed: 'sealed-phone', phoneMasked: '138****5678' },
    accessCodeHash: 'hmac-of-the-access-code',
    severity: null,
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}

function spotCheck(name: string, severity: 'GENERAL' | 'SERIOUS' | 'DISCIPLINARY'): CaseWorkflowInput {
  return complaint(name, { source: 'SPOT_CHECK', severity, anonymous: false, complainant: null, accessCodeHash: null, hostUnitId: HOST_UNIT });
}

async function start(input: CaseWorkflowInput): Promise<WorkflowHandle<typeof caseWorkflow>> {
  const handle = await env.client.workflow.start(caseWorkflow, { args: [input], workflowId: caseWorkflowId(input.caseId), taskQueue: TASK_QUEUE });
  startedIds.push(handle.workflowId);
  return handle;
}

async function until<T>(what: string, read: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const stateOf = (handle: WorkflowHandle) => handle.query(caseStateQuery);
const waitForState = (handle: WorkflowHandle, what: string, ok: (s: CaseState) => boolean) => until(what, () => stateOf(handle), ok);
/** Registered and admitted: the first deadline runs (a complaint's acceptance, a spot-check's dispatch). */
const admitted = (handle: WorkflowHandle) => waitForState(handle, 'the first deadline', (s) => s.deadline !== null);

function command<A extends CaseAction>(action: A, actor: ActorRef, payload: ActionPayloads[A]): CommandOf<A> {
  return { action, actor, payload };
}

function act<A extends CaseAction>(handle: WorkflowHandle, action: A, actor: ActorRef, payload: ActionPayloads[A]): Promise<CaseState> {
  return handle.executeUpdate(caseActionUpdates[action], { args: [command(action, actor, payload)] });
}

/** The Update fails with an ActionRefused ApplicationFailure carrying the reason, as the API maps it to 409. */
async function expectRefused(promise: Promise<unknown>, reason: string): Promise<void> {
  const error = await promise.then(
    () => new Error('the action was not refused'),
    (e: unknown) => e,
  );
  if (!(error instanceof WorkflowUpdateFailedError)) throw new Error(`expected the Update to be refused with "${reason}", got: ${String(error)}`);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(ACTION_REFUSED);
  expect((cause as ApplicationFailure).message).toBe(reason);
}

/** The promise, or a rejection when it takes longer (an Update that was accepted and waits forever). */
function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Skips the test server's clock to just past an instant. */
async function sleepPast(instant: string, marginMs = 1_000): Promise<void> {
  const now = await env.currentTimeMs();
  await env.sleep(Math.max(Date.parse(instant) - now + marginMs, 1));
}

/** The end of the n-th working day after the Beijing day of `from`: the calendar's rule, spelled out for the checks. */
const workingDaysAfter = (from: string | number, n: number) => new WorkingCalendar().addWorkingDays(new Date(from), n).toISOString();
/** The Beijing date (YYYY-MM-DD) of the day that ends at a deadline instant. */
const beijingDayEndingAt = (instant: string) => new Date(Date.parse(instant) - 1 + 8 * 3_600_000).toISOString().slice(0, 10);

/** accept -> dispatch -> finding, the common start of most paths. */
async function throughFinding(handle: WorkflowHandle, result: 'SUBSTANTIATED' | 'PARTLY_SUBSTANTIATED' | 'UNSUBSTANTIATED'): Promise<CaseState> {
  await admitted(handle);
  await act(handle, 'accept', ACTORS.HANDLER, { note: 'within scope' });
  await act(handle, 'dispatch', ACTORS.HANDLER, { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT });
  return act(handle, 'finding', ACTORS.HANDLER, { result, severity: 'GENERAL', summary: 'daily check-ins with screenshots' });
}

/** Waits until the worker has had nothing in flight for a moment. */
async function settled(): Promise<void> {
  const end = Date.now() + 10_000;
  for (let quiet = 0; quiet < 5 && Date.now() < end; ) {
    const { numInFlightWorkflowActivations, numInFlightActivities } = worker.getStatus();
    quiet = numInFlightWorkflowActivations === 0 && numInFlightActivities === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  // Bundled once for the whole file.
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowsPath: require.resolve('./index'), activities });
  running = worker.run();
}, 120_000);

afterEach(async () => {
  for (const release of releaseAtEnd.splice(0)) release();
  // Terminating a workflow while one of its tasks is in flight leaves the test server's time skipping locked.
  await settled();
  // Open workflows of a finished test would go on escalating while the next one skips time.
  for (const workflowId of startedIds.splice(0)) {
    await env.client.workflow
      .getHandle(workflowId)
      .terminate('test finished')
      .catch(() => undefined);
  }
  for (const referralId of new Set(referralWrites.map((w) => w.state.referralId))) {
    if (finishedReferrals.has(referralId)) continue;
    finishedReferrals.add(referralId);
    await env.client.workflow
      .getHandle(referralWorkflowId(referralId))
      .terminate('test finished')
      .catch(() => undefined);
  }
  calendar = new WorkingCalendar();
  openReferrals = [];
  holdReferralWrite = () => undefined;
  permanentFailure = () => undefined;
  // Every path runs on one activity per decision: none of the per-effect calls of older cases.
  expect(perEffectCalls.splice(0)).toEqual([]);
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
}, 60_000);

describe('the case lifecycle (PRODUCT.md)', () => {
  it('complaint, happy path: accept, dispatch, finding, sign, rectify, approve, reply, SATISFIED -> CLOSED/RESOLVED', async () => {
    const input = complaint('happy');
    const handle = await start(input);
    let state = await admitted(handle);
    expect(registered.filter((r) => r.caseId === input.caseId)).toEqual([input]);
    expect(state).toMatchObject({ step: 'SUBMITTED', status: 'OPEN', handlingOrgId: HANDLING_ORG, policy: POLICY, publicFollowUp: true, deadline: { kind: 'ACCEPTANCE', amount: 2 } });

    // Each Update answers once its decision is carried out: the next step's deadline already runs.
    const steps: [CaseAction, ActorRef, ActionPayloads[CaseAction], string, string | null, number | null][] = [
      ['accept', ACTORS.HANDLER, { note: 'within scope' }, 'ACCEPTED', 'DISPATCH', 1],
      ['dispatch', ACTORS.HANDLER, { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT }, 'INVESTIGATING', 'INVESTIGATION', 5],
      ['finding', ACTORS.HANDLER, { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: 'daily check-ins with screenshots' }, 'NOTICE_SENT', 'SIGN', 1],
      ['sign', ACTORS.OPERATOR, { note: 'received' }, 'RECTIFYING', 'RECTIFICATION', 15],
      ['submit-rectification', ACTORS.OPERATOR, { plan: 'stop the check-ins', evidence: ['group-rules.png'] }, 'UNDER_REVIEW', 'REVIEW', 3],
      ['approve-rectification', ACTORS.SUPERVISOR, { note: 'verified' }, 'FEEDBACK', 'FEEDBACK', 2],
      ['reply', ACTORS.HANDLER, { content: 'The daily check-ins were stopped.' }, 'REVISIT', null, null],
    ];
    for (const [action, actor, payload, step, kind, amount] of steps) {
      state = await act(handle, action, actor, payload as never);
      expect({ action, step: state.step, kind: state.deadline?.kind ?? null, amount: state.deadline?.amount ?? null }).toEqual({ action, step, kind, amount });
      if (state.deadline) expect(state.deadline).toMatchObject(calendar.schedule(new Date(state.deadline.startedAt), amount!, POLICY));
    }
    expect(state).toMatchObject({ investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT, findingResult: 'SUBSTANTIATED', severity: 'GENERAL', reply: 'The daily check-ins were stopped.' });
    const replied = timeline(input.caseId).find((e) => e.type === 'REPLIED')!;
    expect(state.revisitEndsAt).toBe(new Date(Date.parse(replied.at) + 7 * DAY).toISOString());

    state = await act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'SATISFIED', comment: 'thank you' });
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED', satisfaction: 'SATISFIED', deadline: null });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });

    expect(eventTypes(input.caseId)).toEqual([
      'ACCEPTED',
      'DISPATCHED',
      'FINDING_RECORDED',
      'RECTIFICATION_NOTICE_SENT',
      'NOTICE_SIGNED',
      'RECTIFICATION_SUBMITTED',
      'RECTIFICATION_APPROVED',
      'REPLIED',
      'EVALUATED',
      'CLOSED',
    ]);
    // The timeline continues the registration event (seq 1) without gaps; projection writes are ordered.
    const rows = timeline(input.caseId);
    expect(rows.map((e) => e.seq)).toEqual(rows.map((_, i) => i + 2));
    const revisions = projections.filter((p) => p.state.caseId === input.caseId).map((p) => p.state.revision);
    expect(revisions).toEqual(revisions.map((_, i) => i + 1));
    expect(noticesOf(input.caseId).map((n) => [n.notice, n.to])).toEqual([
      ['CASE_DISPATCHED', [{ orgId: INVESTIGATING_ORG, role: 'HANDLER', level: 'SELF' }]],
      ['RECTIFICATION_NOTICE', [{ orgId: HOST_UNIT, role: null, level: 'SELF' }]],
      ['RECTIFICATION_TO_REVIEW', [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }]],
    ]);
    const { typedSearchAttributes } = await handle.describe();
    expect([typedSearchAttributes.get(CaseStageKey), typedSearchAttributes.get(CaseStatusKey)]).toEqual(['CLOSED', 'CLOSED']);
    // One local activity for the registration and one per decision (the admission and nine actions), nothing else.
    const { events } = await handle.fetchHistory();
    const localActivities = (events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
    expect(localActivities).toHaveLength(1 + projections.filter((p) => p.state.caseId === input.caseId).length);
    expect(events?.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    await recordHistory(handle, 'happy');
  });

  it('reject: closes as REJECTED with the reason', async () => {
    const input = complaint('reject');
    const handle = await start(input);
    await admitted(handle);
    const state = await act(handle, 'reject', ACTORS.HANDLER, { reason: 'OUT_OF_SCOPE', note: 'not a government app' });
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'REJECTED', deadline: null });
    expect(await handle.result()).toMatchObject({ outcome: 'REJECTED' });
    expect(timeline(input.caseId).map(({ type, note, isPublic }) => ({ type, note, isPublic }))).toEqual([
      { type: 'REJECTED', note: 'OUT_OF_SCOPE: not a government app', isPublic: true },
      { type: 'CLOSED', note: 'REJECTED', isPublic: true },
    ]);
    await recordHistory(handle, 'reject');
  });

  it('merge: closes as MERGED and the open target case receives caseMerged (MERGED_IN)', async () => {
    const target = complaint('merge-target');
    const targetHandle = await start(target);
    await admitted(targetHandle);
    const source = complaint('merge');
    const handle = await start(source);
    await admitted(handle);

    const state = await act(handle, 'merge', ACTORS.HANDLER, { targetCaseId: target.caseId, targetCaseNo: target.caseNo, note: 'same group, same demand' });
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'MERGED', mergedInto: target.caseId });
    expect(eventTypes(source.caseId)).toEqual(['MERGED', 'CLOSED']);
    expect(timeline(source.caseId)[0].note).toBe(`merged into ${target.caseNo}: same group, same demand`);

    const mergedIn = await until(
      'MERGED_IN on the target',
      () => timeline(target.caseId),
      (rows) => rows.some((e) => e.type === 'MERGED_IN'),
    );
    expect(mergedIn).toEqual([expect.objectContaining({ type: 'MERGED_IN', note: `case ${source.caseNo} merged into this one`, isPublic: false, actor: null, seq: 2 })]);
    expect(await stateOf(targetHandle)).toMatchObject({ step: 'SUBMITTED', status: 'OPEN' });
    await recordHistory(handle, 'merge');
    await recordHistory(targetHandle, 'merged-in');
  });

  it('unsubstantiated finding goes straight to FEEDBACK, then revisit, BASICALLY_SATISFIED -> RESOLVED', async () => {
    const input = complaint('unsubstantiated');
    const handle = await start(input);
    let state = await throughFinding(handle, 'UNSUBSTANTIATED');
    expect(state).toMatchObject({ step: 'FEEDBACK', findingResult: 'UNSUBSTANTIATED', deadline: { kind: 'FEEDBACK', amount: 2 } });
    state = await act(handle, 'reply', ACTORS.HANDLER, { content: 'No such demand was found.' });
    expect(state.step).toBe('REVISIT');
    state = await act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'BASICALLY_SATISFIED' });
    expect(state).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED', satisfaction: 'BASICALLY_SATISFIED' });
    expect(eventTypes(input.caseId)).toEqual(['ACCEPTED', 'DISPATCHED', 'FINDING_RECORDED', 'REPLIED', 'EVALUATED', 'CLOSED']);
    expect(noticesOf(input.caseId, 'RECTIFICATION_NOTICE')).toEqual([]);
    await recordHistory(handle, 'unsubstantiated');
  });

  it('return-rectification sends the host unit back to work, then approve', async () => {
    const input = complaint('return');
    const handle = await start(input);
    await throughFinding(handle, 'PARTLY_SUBSTANTIATED');
    await act(handle, 'sign', ACTORS.OPERATOR, {});
    await act(handle, 'submit-rectification', ACTORS.OPERATOR, { plan: 'fewer check-ins', evidence: [] });
    let state = await act(handle, 'return-rectification', ACTORS.SUPERVISOR, { reason: 'check-ins must stop, not shrink' });
    expect(state).toMatchObject({ step: 'RECTIFYING', deadline: { kind: 'RECTIFICATION', amount: 15 } });
    expect(noticesOf(input.caseId, 'RECTIFICATION_RETURNED')).toEqual([
      expect.objectContaining({ to: [{ orgId: HOST_UNIT, role: null, level: 'SELF' }], message: `rectification of case ${input.caseNo} returned: check-ins must stop, not shrink` }),
    ]);
    await act(handle, 'submit-rectification', ACTORS.OPERATOR, { plan: 'no check-ins at all', evidence: ['announcement.png'] });
    state = await act(handle, 'approve-rectification', ACTORS.SUPERVISOR, {});
    expect(state.step).toBe('FEEDBACK');
    await act(handle, 'reply', ACTORS.HANDLER, { content: 'Stopped.' });
    state = await act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'SATISFIED' });
    expect(state).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    expect(eventTypes(input.caseId)).toEqual([
      'ACCEPTED',
      'DISPATCHED',
      'FINDING_RECORDED',
      'RECTIFICATION_NOTICE_SENT',
      'NOTICE_SIGNED',
      'RECTIFICATION_SUBMITTED',
      'RECTIFICATION_RETURNED',
      'RECTIFICATION_SUBMITTED',
      'RECTIFICATION_APPROVED',
      'REPLIED',
      'EVALUATED',
      'CLOSED',
    ]);
    await recordHistory(handle, 'return-and-approve');
  });

  it('UNSATISFIED reopens twice; the third goes to SUPERVISOR_REVIEW, where the supervisor reopens, then closes', async () => {
    const input = complaint('reopen');
    const handle = await start(input);
    let state = await throughFinding(handle, 'UNSUBSTANTIATED');
    const unsatisfiedRound = async () => {
      await act(handle, 'reply', ACTORS.HANDLER, { content: 'Nothing found.' });
      return act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'UNSATISFIED', comment: 'still every day' });
    };

    state = await unsatisfiedRound();
    expect(state).toMatchObject({ step: 'INVESTIGATING', status: 'OPEN', reopenCount: 1, deadline: { kind: 'INVESTIGATION', amount: 5 } });
    await act(handle, 'finding', ACTORS.HANDLER, { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: 'again nothing' });
    state = await unsatisfiedRound();
    expect(state).toMatchObject({ step: 'INVESTIGATING', reopenCount: 2 });
    await act(handle, 'finding', ACTORS.HANDLER, { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: 'again nothing' });
    state = await unsatisfiedRound();
    expect(state).toMatchObject({ step: 'SUPERVISOR_REVIEW', status: 'OPEN', reopenCount: 2, deadline: { kind: 'REVIEW', amount: 3 } });
    expect(noticesOf(input.caseId, 'SUPERVISOR_REVIEW')).toHaveLength(1);

    await expectRefused(act(handle, 'supervise', ACTORS.SUPERVISOR, { note: 'look again' }), 'a supervisor review needs a decision: CLOSE or REOPEN');
    state = await act(handle, 'supervise', ACTORS.SUPERVISOR, { note: 'investigate on site', decision: 'REOPEN' });
    expect(state).toMatchObject({ step: 'INVESTIGATING', reopenCount: 3, deadline: { kind: 'INVESTIGATION' } });
    await act(handle, 'finding', ACTORS.HANDLER, { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: 'on site: nothing' });
    state = await unsatisfiedRound();
    expect(state.step).toBe('SUPERVISOR_REVIEW');
    state = await act(handle, 'supervise', ACTORS.SUPERVISOR, { note: 'investigated three times', decision: 'CLOSE' });
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'CLOSED_BY_SUPERVISOR' });
    expect(await handle.result()).toMatchObject({ outcome: 'CLOSED_BY_SUPERVISOR' });

    const rows = timeline(input.caseId);
    expect(rows.filter((e) => e.type === 'REOPENED').map((e) => e.note)).toEqual(['reopen 1 of 2', 'reopen 2 of 2', 'investigate on site']);
    expect(rows.filter((e) => e.type === 'EVALUATED')).toHaveLength(4);
    expect(rows.slice(-2).map((e) => e.type)).toEqual(['SUPERVISOR_CLOSED', 'CLOSED']);
    await recordHistory(handle, 'reopen-to-supervisor-review');
  });

  it('no evaluation within the revisit window (7 calendar days) closes as NOT_EVALUATED', async () => {
    const input = complaint('revisit-expiry');
    const handle = await start(input);
    await throughFinding(handle, 'UNSUBSTANTIATED');
    const state = await act(handle, 'reply', ACTORS.HANDLER, { content: 'Nothing found.' });
    const replied = timeline(input.caseId).find((e) => e.type === 'REPLIED')!;
    expect(state.revisitEndsAt).toBe(new Date(Date.parse(replied.at) + 7 * DAY).toISOString());

    await sleepPast(state.revisitEndsAt!);
    const closed = await waitForState(handle, 'the revisit to expire', (s) => s.status === 'CLOSED');
    expect(closed).toMatchObject({ step: 'CLOSED', outcome: 'NOT_EVALUATED', satisfaction: null });
    expectFiredAt(input.caseId, 'REVISIT_EXPIRED', state.revisitEndsAt!);
    expect(eventTypes(input.caseId).slice(-2)).toEqual(['REVISIT_EXPIRED', 'CLOSED']);
    expect(await handle.result()).toMatchObject({ outcome: 'NOT_EVALUATED' });
    await recordHistory(handle, 'revisit-expiry');
  });

  it('an anonymous complaint without an access code skips the revisit: the reply closes it', async () => {
    const input = complaint('anonymous', { anonymous: true, complainant: null, accessCodeHash: null });
    const handle = await start(input);
    expect((await admitted(handle)).publicFollowUp).toBe(false);
    await throughFinding(handle, 'UNSUBSTANTIATED');
    const state = await act(handle, 'reply', ACTORS.HANDLER, { content: 'Nothing found.' });
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED', revisitEndsAt: null });
    expect(eventTypes(input.caseId).slice(-2)).toEqual(['REPLIED', 'CLOSED']);
    expect(await handle.result()).toMatchObject({ outcome: 'RESOLVED' });
    await recordHistory(handle, 'anonymous-no-revisit');
  });

  it('a SERIOUS spot-check finding is accepted on creation and referred at once, then runs the same lifecycle', async () => {
    const input = spotCheck('spot-check', 'SERIOUS');
    const handle = await start(input);
    let state = await admitted(handle);
    expect(state).toMatchObject({ source: 'SPOT_CHECK', severity: 'SERIOUS', step: 'ACCEPTED', hostUnitId: HOST_UNIT, referralCount: 1, publicFollowUp: false, deadline: { kind: 'DISPATCH' } });
    expect(timeline(input.caseId).map(({ type, note, actor }) => ({ type, note, actor }))).toEqual([
      { type: 'ACCEPTED', note: 'spot-check finding, accepted on creation', actor: null },
      { type: 'REFERRED_TO_DISCIPLINE', note: 'SERIOUS_FINDING', actor: null },
    ]);
    const referralId = `${input.caseId}-1`;
    const [registration] = await until(
      'the referral to register',
      () => writesOf(referralId),
      (w) => w.length > 0,
    );
    expect(registration).toMatchObject({ kind: 'register', state: { caseId: input.caseId, caseNo: input.caseNo, reason: 'SERIOUS_FINDING', status: 'AWAITING_ACK', disciplineOrgId: 110 } });
    // The referral builds its package (patch referral-package-pdf) right after it is registered.
    await until('the package to be built', async () => packagesBuilt.filter((id) => id === referralId), (built) => built.length === 1);

    await act(handle, 'dispatch', ACTORS.HANDLER, { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT });
    await act(handle, 'finding', ACTORS.HANDLER, { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: 'check-in quota confirmed' });
    await act(handle, 'sign', ACTORS.OPERATOR, {});
    await act(handle, 'submit-rectification', ACTORS.OPERATOR, { plan: 'quota removed', evidence: ['circular.pdf'] });
    await act(handle, 'approve-rectification', ACTORS.SUPERVISOR, {});
    state = await act(handle, 'reply', ACTORS.HANDLER, { content: 'Rectified.' });
    expect(state).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED', referralCount: 1 });
    await recordHistory(handle, 'spot-check-referral');
  });

  it('a SERIOUS spot-check finding confirmed by the investigation is not referred a second time', async () => {
    const input = spotCheck('spot-check-confirmed', 'SERIOUS');
    const handle = await start(input);
    await admitted(handle);
    await act(handle, 'dispatch', ACTORS.HANDLER, { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT });
    await expectRefused(
      act(handle, 'finding', ACTORS.HANDLER, { result: 'UNSUBSTANTIATED', severity: 'SERIOUS', summary: 'x' }),
      'an unsubstantiated finding cannot be SERIOUS: only a substantiated one is referred',
    );
    const state = await act(handle, 'finding', ACTORS.HANDLER, { result: 'SUBSTANTIATED', severity: 'SERIOUS', summary: 'check-in quota confirmed' });
    expect(state).toMatchObject({ step: 'NOTICE_SENT', referralCount: 1, referredSeverity: 'SERIOUS' });
    expect(timeline(input.caseId).filter((e) => e.type === 'REFERRED_TO_DISCIPLINE')).toHaveLength(1);
    await act(handle, 'sign', ACTORS.OPERATOR, { note: 'received' });
    expect(timeline(input.caseId).find((e) => e.type === 'NOTICE_SIGNED')).toMatchObject({ isPublic: false });
    await recordHistory(handle, 'spot-check-confirmed');
  });

  it('a refused action (wrong step, wrong role, wrong Update) fails the Update and changes nothing', async () => {
    const input = complaint('refused');
    const handle = await start(input);
    const before = await admitted(handle);
    const writes = projections.length;

    await expectRefused(act(handle, 'sign', ACTORS.OPERATOR, {}), 'sign is not allowed while the case is SUBMITTED');
    await expectRefused(act(handle, 'accept', ACTORS.SUPERVISOR, {}), 'accept needs the role HANDLER');
    await expectRefused(act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'UNSATISFIED' }), 'evaluate is not allowed while the case is SUBMITTED');
    await expectRefused(
      // A client that ignores the types: the Update's name and the command's action disagree.
      handle.executeUpdate('accept', { args: [command('reject', ACTORS.HANDLER, { reason: 'NO_FACTS', note: 'x' })] }),
      'the accept update cannot carry a reject command',
    );
    expect(await stateOf(handle)).toEqual(before);
    expect(projections.length).toBe(writes);
    // Still alive and answering.
    expect((await act(handle, 'accept', ACTORS.HANDLER, {})).step).toBe('ACCEPTED');
  });

  it('refuses actions until the case is registered, instead of losing them to the admission', async () => {
    const input = complaint('registering');
    let databaseBack!: () => void;
    registrationHolds.set(
      input.caseId,
      new Promise((resolve) => {
        databaseBack = resolve;
      }),
    );
    releaseAtEnd.push(() => databaseBack());
    const handle = await start(input);
    await until(
      'the registration to start',
      () => stateOf(handle),
      () => true,
    );
    // Accepted now, the admission that follows the registration would put the case back to SUBMITTED.
    // The registration runs inside a workflow task, so the Update gets in only when that task heartbeats (every 8 s).
    await expectRefused(withinSeconds(30, act(handle, 'accept', ACTORS.HANDLER, {})), 'the case is still being registered: try again in a moment');
    databaseBack();
    await admitted(handle);
    const state = await act(handle, 'accept', ACTORS.HANDLER, {});
    expect(state).toMatchObject({ step: 'ACCEPTED', deadline: { kind: 'DISPATCH' } });
    expect(eventTypes(input.caseId)).toEqual(['ACCEPTED']);
  });
});

describe('a case stalls visibly on an effect that can never succeed, and resumes on a retry (README, "Stalled cases")', () => {
  const ADMIN: ActorRef = { userId: 6, role: 'ADMIN', organizationId: 1 };
  const REASON = 'sendNotice: null value in the where condition on UserEntity.organizationId';
  const REFUSAL = `the case is stalled: ${REASON}; an administrator or supervisor must retry it once the cause is fixed`;

  /** The Update fails with the given type and message (the API answers 409 with it). */
  async function expectFailure(promise: Promise<unknown>, type: string, message: string): Promise<void> {
    const error = await promise.then(
      () => new Error('the Update did not fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type, message });
  }

  it('supervise in REVISIT whose notice fails for good: STALLED with the reason, supervisors told, actions refused, queries answered; the retry resumes it', async () => {
    const input = complaint('stall-and-retry');
    const handle = await start(input);
    await throughFinding(handle, 'UNSUBSTANTIATED');
    await act(handle, 'reply', ACTORS.HANDLER, { content: 'No such demand was found.' });
    let cured = false;
    permanentFailure = (activity, arg) => (!cured && activity === 'sendNotice' && (arg as NoticeRequest).notice === 'SUPERVISION_ORDER' ? REASON : undefined);

    // The action that ran into it is told at once (409), not after a timeout: it is kept, and completes on the retry.
    await expectFailure(withinSeconds(10, act(handle, 'supervise', ACTORS.SUPERVISOR, { note: 'hurry up' })), CASE_STALLED, `the case is stalled: ${REASON}; the supervise is kept and completes once the case is retried`);
    let state = await stateOf(handle);
    expect(state).toMatchObject({ step: 'REVISIT', status: 'OPEN', stalled: { reason: REASON } });
    expect(stallRecords.filter((r) => r.caseId === input.caseId)).toEqual([{ caseId: input.caseId, stall: state.stalled, stallNo: 1, actor: null }]);
    expect(noticesOf(input.caseId, 'CASE_STALLED')).toEqual([
      expect.objectContaining({ to: [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }], message: `case ${input.caseNo} is stalled: ${REASON}` }),
    ]);
    // The complainant's evaluation is refused with the reason, at once.
    await expectRefused(withinSeconds(10, act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'SATISFIED' })), REFUSAL);
    await expectRefused(handle.executeUpdate(retryStalledUpdate, { args: [{ actor: ACTORS.HANDLER }] }), 'retry needs the role ADMIN or SUPERVISOR');

    // A retry before the cause is fixed stalls it again, with a new record.
    state = await handle.executeUpdate(retryStalledUpdate, { args: [{ actor: ADMIN, note: 'too early' }] });
    expect(state.stalled).toMatchObject({ reason: REASON });
    expect(stallRecords.filter((r) => r.caseId === input.caseId).map((r) => [r.stallNo, r.actor])).toEqual([
      [1, null],
      [2, ADMIN],
    ]);

    cured = true;
    state = await handle.executeUpdate(retryStalledUpdate, { args: [{ actor: ADMIN, note: 'recipients fixed' }] });
    expect(state).toMatchObject({ step: 'REVISIT', status: 'OPEN', stalled: null, supervised: true });
    expect(stallRecords.filter((r) => r.caseId === input.caseId).at(-1)).toEqual({ caseId: input.caseId, stall: null, stallNo: 2, actor: ADMIN });
    expect(noticesOf(input.caseId, 'SUPERVISION_ORDER')).toHaveLength(1);
    await expectRefused(handle.executeUpdate(retryStalledUpdate, { args: [{ actor: ADMIN }] }), 'the case is not stalled: there is nothing to retry');

    state = await act(handle, 'evaluate', ACTORS.COMPLAINANT, { satisfaction: 'SATISFIED' });
    expect(state).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    expect(eventTypes(input.caseId)).toEqual(['ACCEPTED', 'DISPATCHED', 'FINDING_RECORDED', 'REPLIED', 'SUPERVISION_ORDERED', 'EVALUATED', 'CLOSED']);
    await recordHistory(handle, 'stall-and-retry');
  });

  it('a projection write that fails for good stalls the case before anything is lost; the retry writes it once', async () => {
    const input = complaint('stall-projection');
    const handle = await start(input);
    await admitted(handle);
    let cured = false;
    permanentFailure = (activity, arg) => (!cured && activity === 'projectCase' && (arg as CaseState).step === 'ACCEPTED' ? 'projectCase: ER_CONSTRAINT_FAILED on constraint chk_x' : undefined);
    await expectFailure(act(handle, 'accept', ACTORS.HANDLER, { note: 'ok' }), CASE_STALLED, 'the case is stalled: projectCase: ER_CONSTRAINT_FAILED on constraint chk_x; the accept is kept and completes once the case is retried');
    expect(eventTypes(input.caseId)).toEqual([]);
    await expectRefused(act(handle, 'dispatch', ACTORS.HANDLER, { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT }), `the case is stalled: projectCase: ER_CONSTRAINT_FAILED on constraint chk_x; an administrator or supervisor must retry it once the cause is fixed`);
    cured = true;
    const state = await handle.executeUpdate(retryStalledUpdate, { args: [{ actor: ACTORS.SUPERVISOR }] });
    expect(state).toMatchObject({ step: 'ACCEPTED', stalled: null, deadline: { kind: 'DISPATCH' } });
    expect(timeline(input.caseId).map((e) => [e.seq, e.type])).toEqual([[2, 'ACCEPTED']]);
    expect((await act(handle, 'dispatch', ACTORS.HANDLER, { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT })).step).toBe('INVESTIGATING');
  });
});

describe('deadlines and escalation (PRODUCT.md)', () => {
  it('a missed deadline: warning at 2/3, reminder at the deadline, supervision +2 and referral +5 working days', async () => {
    const input = complaint('escalation');
    const handle = await start(input);
    let state = await admitted(handle);
    const d = state.deadline!;
    expect(d).toMatchObject({ kind: 'ACCEPTANCE', amount: 2 });
    // The instants, by the calendar rule: N working days end at the Beijing midnight after the N-th working day.
    expect(d.deadlineAt).toBe(workingDaysAfter(d.startedAt, 2));
    expect(d.supervisionAt).toBe(workingDaysAfter(Date.parse(d.deadlineAt) - 1, 2));
    expect(d.referralAt).toBe(workingDaysAfter(Date.parse(d.deadlineAt) - 1, 5));
    expect(Date.parse(d.warnAt)).toBeGreaterThan(Date.parse(d.startedAt));
    expect(Date.parse(d.warnAt)).toBeLessThan(Date.parse(d.deadlineAt));
    const assignee = { orgId: HANDLING_ORG, role: 'HANDLER', level: 'SELF' };

    await sleepPast(d.warnAt);
    state = await waitForState(handle, 'the warning', (s) => s.escalation.warned);
    expect(state).toMatchObject({ escalation: { warned: true, reminded: false, supervised: false, referred: false }, breaches: 0 });
    expectFiredAt(input.caseId, 'DEADLINE_WARNING', d.warnAt);
    expect(noticesOf(input.caseId, 'DEADLINE_WARNING')).toEqual([expect.objectContaining({ to: [assignee], message: `case ${input.caseNo}: ACCEPTANCE due ${d.deadlineAt}` })]);

    await sleepPast(d.deadlineAt);
    state = await waitForState(handle, 'the reminder', (s) => s.escalation.reminded);
    expect(state).toMatchObject({ escalation: { reminded: true, supervised: false, referred: false }, breaches: 1, referralCount: 0 });
    expectFiredAt(input.caseId, 'DEADLINE_MISSED', d.deadlineAt);
    expect(noticesOf(input.caseId, 'DEADLINE_REMINDER')).toEqual([expect.objectContaining({ to: [{ ...assignee, role: null }] })]);
    // Too late for more time: the client gets the refusal.
    await expectRefused(act(handle, 'request-extension', ACTORS.HANDLER, { days: 2, reason: 'busy' }), 'an extension must be requested before the deadline');

    await sleepPast(d.supervisionAt);
    state = await waitForState(handle, 'the supervision order', (s) => s.escalation.supervised);
    expect(state).toMatchObject({ supervised: true, escalation: { supervised: true, referred: false }, referralCount: 0 });
    // The order comes with a new deadline, the referral instant: the case shows it, no longer overdue.
    expect(state.deadline).toEqual({ ...d, warnAt: state.deadline!.supervision!.orderedAt, deadlineAt: d.referralAt, supervision: { orderedAt: expect.any(String), missedDeadlineAt: d.deadlineAt } });
    expect(state.escalation).toMatchObject({ warned: true, reminded: false, supervised: true });
    expect(projections.filter((p) => p.state.caseId === input.caseId).at(-1)!.state.deadline!.deadlineAt).toBe(d.referralAt);
    expect(expectFiredAt(input.caseId, 'SUPERVISION_ORDERED', d.supervisionAt).note).toBe(`automatic: ACCEPTANCE overdue; complete by ${d.referralAt}`);
    expect(noticesOf(input.caseId, 'SUPERVISION_ORDER')).toEqual([
      expect.objectContaining({
        to: [
          { orgId: HANDLING_ORG, role: null, level: 'SELF' },
          { orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SUPERVISING' },
        ],
      }),
    ]);

    await sleepPast(d.referralAt);
    state = await waitForState(handle, 'the referral', (s) => s.escalation.referred);
    expect(state).toMatchObject({ referralCount: 1, step: 'SUBMITTED', status: 'OPEN' });
    expect(expectFiredAt(input.caseId, 'REFERRED_TO_DISCIPLINE', d.referralAt).note).toBe('OVERDUE');
    const [registration] = await until(
      'the referral child',
      () => writesOf(`${input.caseId}-1`),
      (w) => w.length > 0,
    );
    expect(registration.state).toMatchObject({ reason: 'OVERDUE', caseId: input.caseId, disciplineOrgId: 110, status: 'AWAITING_ACK' });
    // Missing the supervision deadline is the second breach, referred once as OVERDUE.
    expect(eventTypes(input.caseId)).toEqual(['DEADLINE_WARNING', 'DEADLINE_MISSED', 'SUPERVISION_ORDERED', 'DEADLINE_MISSED', 'REFERRED_TO_DISCIPLINE']);
    expect(timeline(input.caseId).filter((e) => e.type === 'DEADLINE_MISSED').map((e) => e.note)).toEqual([
      `ACCEPTANCE was due ${d.deadlineAt}`,
      `ACCEPTANCE (supervision order) was due ${d.referralAt}`,
    ]);
    expect(state).toMatchObject({ breaches: 2, escalation: { reminded: true, referred: true } });
    await recordHistory(handle, 'escalation-to-referral');
  });

  it('a second breach in the same case is referred at once, and that deadline is not referred again', async () => {
    const input = complaint('second-breach');
    const handle = await start(input);
    const acceptance = (await admitted(handle)).deadline!;
    await sleepPast(acceptance.deadlineAt);
    await waitForState(handle, 'the first breach', (s) => s.breaches === 1);
    const dispatch = (await act(handle, 'accept', ACTORS.HANDLER, {})).deadline!;
    expect(dispatch).toMatchObject({ kind: 'DISPATCH', amount: 1 });

    await sleepPast(dispatch.deadlineAt);
    let state = await waitForState(handle, 'the second breach', (s) => s.breaches === 2 && s.referralCount === 1);
    expect(state.escalation).toMatchObject({ reminded: true, referred: true });
    const missed = timeline(input.caseId).filter((e) => e.type === 'DEADLINE_MISSED');
    expect(missed.map((e) => e.note)).toEqual([`ACCEPTANCE was due ${acceptance.deadlineAt}`, `DISPATCH was due ${dispatch.deadlineAt}`]);
    expect(expectFiredAt(input.caseId, 'REFERRED_TO_DISCIPLINE', dispatch.deadlineAt).note).toBe('SECOND_BREACH');
    await until(
      'the SECOND_BREACH referral',
      () => writesOf(`${input.caseId}-1`),
      (w) => w.some((x) => x.state.reason === 'SECOND_BREACH'),
    );

    await sleepPast(dispatch.referralAt);
    state = await waitForState(handle, 'the supervision order', (s) => s.escalation.supervised);
    expect(state.referralCount).toBe(1);
    expect(timeline(input.caseId).filter((e) => e.type === 'REFERRED_TO_DISCIPLINE')).toHaveLength(1);
    await recordHistory(handle, 'second-breach');
  });

  it('an extension requested before the deadline and approved moves it; a refused one does not; one per stage', async () => {
    const input = complaint('extension');
    const handle = await start(input);
    const original = (await admitted(handle)).deadline!;

    await expectRefused(act(handle, 'request-extension', ACTORS.SUPERVISOR, { days: 3, reason: 'x' }), 'only the HANDLER in charge of this step may ask for an extension');
    await expectRefused(act(handle, 'request-extension', ACTORS.HANDLER, { days: 16, reason: 'x' }), 'an extension is at most 15 working days');
    await expectRefused(act(handle, 'decide-extension', ACTORS.SUPERVISOR, { approve: true }), 'no extension request is pending');
    let state = await act(handle, 'request-extension', ACTORS.HANDLER, { days: 3, reason: 'the subject is a provincial app' });
    expect(state).toMatchObject({ pendingExtension: { days: 3, reason: 'the subject is a provincial app' }, deadline: original });
    await expectRefused(act(handle, 'request-extension', ACTORS.HANDLER, { days: 1, reason: 'x' }), 'an extension request is already pending');
    expect(noticesOf(input.caseId, 'EXTENSION_REQUESTED')).toEqual([expect.objectContaining({ to: [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }] })]);

    state = await act(handle, 'decide-extension', ACTORS.SUPERVISOR, { approve: true, note: 'granted' });
    const extended = state.deadline!;
    expect(extended).toEqual({ ...calendar.schedule(new Date(original.startedAt), 5, POLICY), kind: 'ACCEPTANCE', amount: 5 });
    expect(extended.deadlineAt).toBe(workingDaysAfter(Date.parse(original.deadlineAt) - 1, 3));
    expect(state).toMatchObject({ pendingExtension: null, extensionUsed: true });
    await expectRefused(act(handle, 'request-extension', ACTORS.HANDLER, { days: 1, reason: 'x' }), 'this stage already had its one extension request');

    // The old instants pass without a word; the new ones are kept.
    await sleepPast(extended.deadlineAt);
    await waitForState(handle, 'the reminder at the new deadline', (s) => s.escalation.reminded);
    expectFiredAt(input.caseId, 'DEADLINE_WARNING', extended.warnAt);
    expectFiredAt(input.caseId, 'DEADLINE_MISSED', extended.deadlineAt);
    expect(timeline(input.caseId).filter((e) => e.type.startsWith('EXTENSION_')).map(({ type, isPublic }) => ({ type, isPublic }))).toEqual([
      { type: 'EXTENSION_REQUESTED', isPublic: false },
      { type: 'EXTENSION_APPROVED', isPublic: true },
    ]);

    // The next stage has its own extension; refused, it changes nothing and is used up.
    const dispatch = (await act(handle, 'accept', ACTORS.HANDLER, {})).deadline!;
    await act(handle, 'request-extension', ACTORS.HANDLER, { days: 2, reason: 'waiting for the host unit' });
    state = await act(handle, 'decide-extension', ACTORS.SUPERVISOR, { approve: false, note: 'one day is enough' });
    expect(state).toMatchObject({ deadline: dispatch, pendingExtension: null, extensionUsed: true });
    expect(timeline(input.caseId).at(-1)).toMatchObject({ type: 'EXTENSION_REFUSED', note: 'one day is enough', isPublic: true });
    await expectRefused(act(handle, 'request-extension', ACTORS.HANDLER, { days: 1, reason: 'x' }), 'this stage already had its one extension request');
    await recordHistory(handle, 'extension');
  });

  it('calendarChanged recomputes the running deadline with a newly published holiday', async () => {
    const input = complaint('calendar');
    const handle = await start(input);
    const before = (await admitted(handle)).deadline!;
    const holiday: DayOverride = { date: beijingDayEndingAt(before.deadlineAt), workday: false, name: '临时调整' };
    calendar = new WorkingCalendar([holiday]);
    const expected = calendar.schedule(new Date(before.startedAt), 2, POLICY);
    expect(expected.deadlineAt).not.toBe(before.deadlineAt);

    await handle.signal(calendarChangedSignal);
    const state = await waitForState(handle, 'the moved deadline', (s) => s.deadline?.deadlineAt === expected.deadlineAt);
    expect(state.deadline).toEqual({ ...expected, kind: 'ACCEPTANCE', amount: 2 });

    await sleepPast(expected.deadlineAt);
    await waitForState(handle, 'the reminder', (s) => s.escalation.reminded);
    expectFiredAt(input.caseId, 'DEADLINE_MISSED', expected.deadlineAt);
    await recordHistory(handle, 'calendar-change');
  });

  it('a missed deadline that a new holiday moves back into the future is missed once, not twice', async () => {
    const input = complaint('calendar-breach');
    const handle = await start(input);
    const before = (await admitted(handle)).deadline!;
    await sleepPast(before.deadlineAt);
    await waitForState(handle, 'the first reminder', (s) => s.breaches === 1);

    calendar = new WorkingCalendar([{ date: beijingDayEndingAt(before.deadlineAt), workday: false, name: '临时调整' }]);
    const moved = calendar.schedule(new Date(before.startedAt), 2, POLICY);
    await handle.signal(calendarChangedSignal);
    let state = await waitForState(handle, 'the moved deadline', (s) => s.deadline?.deadlineAt === moved.deadlineAt);
    expect(state).toMatchObject({ breaches: 0, escalation: { reminded: false } });

    await sleepPast(moved.deadlineAt);
    state = await waitForState(handle, 'the reminder at the moved deadline', (s) => s.escalation.reminded);
    expect(state).toMatchObject({ breaches: 1, referralCount: 0, escalation: { referred: false } });
    expect(timeline(input.caseId).filter((e) => e.type === 'REFERRED_TO_DISCIPLINE')).toEqual([]);
  });
});

describe('the referral child workflow', () => {
  async function referralOf(input: CaseWorkflowInput) {
    const referralId = `${input.caseId}-1`;
    await until(
      'the referral to register',
      () => writesOf(referralId),
      (w) => w.length > 0,
    );
    const handle = env.client.workflow.getHandle(referralWorkflowId(referralId));
    return { referralId, handle, state: await handle.query(referralStateQuery) };
  }

  const acknowledge = (handle: WorkflowHandle, actor: ActorRef = ACTORS.OFFICER) => handle.executeUpdate(acknowledgeReferralUpdate, { args: [{ actor, note: 'received' }] });
  const conclude = (handle: WorkflowHandle, outcome: AccountabilityOutcome = 'ADMONISHMENT_TALK', actor: ActorRef = ACTORS.OFFICER) =>
    handle.executeUpdate(concludeReferralUpdate, { args: [{ actor, outcome, conclusion: 'the office head was talked to' }] });

  it('is acknowledged and concluded by the discipline body of the handling office', async () => {
    const input = spotCheck('referral', 'SERIOUS');
    const caseHandle = await start(input);
    const { referralId, handle, state: initial } = await referralOf(input);
    expect(initial).toMatchObject({ referralId, caseId: input.caseId, reason: 'SERIOUS_FINDING', status: 'AWAITING_ACK', disciplineOrgId: 110, escalations: 0 });
    const registeredAt = writesOf(referralId)[0].at;
    expect(initial.ackDeadlineAt).toBe(workingDaysAfter(registeredAt, 5));
    expect(referralNotices(referralId)).toEqual([expect.objectContaining({ notice: 'REFERRAL_RECEIVED', to: [{ orgId: 110, role: 'DISCIPLINE_OFFICER', level: 'SELF' }] })]);

    await expectRefused(acknowledge(handle, ACTORS.HANDLER), 'only a discipline officer acts on a referral');
    await expectRefused(conclude(handle), 'only an acknowledged referral can be concluded');
    const acknowledged = await acknowledge(handle);
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', disciplineOrgId: 110 });
    await expectRefused(acknowledge(handle), 'the referral is not awaiting acknowledgement');
    const withDeadline = await until(
      'the conclusion deadline',
      () => handle.query(referralStateQuery),
      (s) => s.concludeDeadlineAt !== null,
    );
    expect(withDeadline.concludeDeadlineAt).toBe(workingDaysAfter(acknowledged.acknowledgedAt!, 30));

    const concluded = await conclude(handle, 'CIRCULATED_CRITICISM');
    expect(concluded).toMatchObject({ status: 'CONCLUDED', outcome: 'CIRCULATED_CRITICISM', conclusion: 'the office head was talked to' });
    expect(await handle.result()).toMatchObject({ status: 'CONCLUDED', escalations: 0 });
    expect(writesOf(referralId).at(-1)!.state).toMatchObject({ status: 'CONCLUDED', outcome: 'CIRCULATED_CRITICISM' });
    expect(referralNotices(referralId).map((n) => n.notice)).toEqual(['REFERRAL_RECEIVED', 'REFERRAL_CONCLUDED']);
    // The case goes on by itself.
    expect(await stateOf(caseHandle)).toMatchObject({ step: 'ACCEPTED', status: 'OPEN' });
    await recordHistory(handle, 'referral');
  });

  it('a missed acknowledgement, then a missed conclusion, each move it to the discipline body one level up', async () => {
    const input = spotCheck('referral-escalation', 'DISCIPLINARY');
    await start(input);
    const { referralId, handle, state: initial } = await referralOf(input);
    expect(initial).toMatchObject({ reason: 'DISCIPLINARY_FINDING', disciplineOrgId: 110 });

    await sleepPast(initial.ackDeadlineAt!);
    let state = await until(
      'the first escalation',
      () => handle.query(referralStateQuery),
      (s) => s.escalations === 1,
    );
    expect(state).toMatchObject({ status: 'AWAITING_ACK', disciplineOrgId: 100 });
    expect(state.ackDeadlineAt).toBe(workingDaysAfter(initial.ackDeadlineAt!, 5));
    expect(referralNotices(referralId).at(-1)).toMatchObject({ notice: 'REFERRAL_ESCALATED', to: [{ orgId: 100, role: 'DISCIPLINE_OFFICER', level: 'SELF' }] });
    expect(writesOf(referralId).at(-1)!.state).toMatchObject({ disciplineOrgId: 100, escalations: 1 });

    await acknowledge(handle, { ...ACTORS.OFFICER, organizationId: 100 });
    state = await until(
      'the conclusion deadline',
      () => handle.query(referralStateQuery),
      (s) => s.concludeDeadlineAt !== null,
    );
    await sleepPast(state.concludeDeadlineAt!);
    state = await until(
      'the second escalation',
      () => handle.query(referralStateQuery),
      (s) => s.escalations === 2,
    );
    expect(state).toMatchObject({ status: 'ACKNOWLEDGED', disciplineOrgId: 1 });
    await conclude(handle, 'DISCIPLINARY_SANCTION', { ...ACTORS.OFFICER, organizationId: 1 });
    expect(await handle.result()).toMatchObject({ status: 'CONCLUDED', outcome: 'DISCIPLINARY_SANCTION', escalations: 2, disciplineOrgId: 1 });
    expect(referralNotices(referralId).map((n) => [n.notice, n.to[0].orgId])).toEqual([
      ['REFERRAL_RECEIVED', 110],
      ['REFERRAL_ESCALATED', 100],
      ['REFERRAL_ESCALATED', 1],
      ['REFERRAL_CONCLUDED', 1],
    ]);
    await recordHistory(handle, 'referral-escalation');
  });

  it('a newly published holiday moves its deadlines; the calendar broadcast reaches open referrals', async () => {
    const input = spotCheck('referral-calendar', 'SERIOUS');
    await start(input);
    const { referralId, handle, state: initial } = await referralOf(input);
    calendar = new WorkingCalendar([{ date: beijingDayEndingAt(initial.ackDeadlineAt!), workday: false, name: '临时调整' }]);
    const registeredAt = writesOf(referralId)[0].at;
    const moved = calendar.schedule(new Date(registeredAt), 5, POLICY).deadlineAt;
    expect(moved).not.toBe(initial.ackDeadlineAt);

    openReferrals = [referralId];
    const broadcast = await env.client.workflow.start(calendarBroadcastWorkflow, { args: [], workflowId: `calendar-broadcast-${referralId}`, taskQueue: TASK_QUEUE });
    expect(await broadcast.result()).toBe(1);
    await recordHistory(broadcast, 'calendar-broadcast');
    // The state moves first; its projection is written by the activity the change schedules.
    const state = await until(
      'the moved acknowledgement deadline, projected',
      () => handle.query(referralStateQuery),
      (s) => s.ackDeadlineAt === moved && writesOf(referralId).at(-1)?.state.ackDeadlineAt === moved,
    );
    expect(state).toMatchObject({ status: 'AWAITING_ACK', disciplineOrgId: 110, escalations: 0 });
    expect(writesOf(referralId).at(-1)!.state.ackDeadlineAt).toBe(moved);

    // The old instant passes without an escalation; the new one escalates.
    await sleepPast(initial.ackDeadlineAt!);
    expect(await handle.query(referralStateQuery)).toMatchObject({ escalations: 0, disciplineOrgId: 110 });
    await sleepPast(moved);
    await until(
      'the escalation at the moved deadline',
      () => handle.query(referralStateQuery),
      (s) => s.escalations === 1,
    );
    await acknowledge(handle, { ...ACTORS.OFFICER, organizationId: 100 });
    const acknowledged = await until(
      'the conclusion deadline',
      () => handle.query(referralStateQuery),
      (s) => s.concludeDeadlineAt !== null,
    );
    expect(acknowledged.deadlineStartedAt).toBe(acknowledged.acknowledgedAt);
    await conclude(handle, 'NO_ACCOUNTABILITY', { ...ACTORS.OFFICER, organizationId: 100 });
    await handle.result();
    await recordHistory(handle, 'referral-calendar-change');
  });

  it('a write that fails for good stalls the referral, which refuses actions with the reason until a retry resumes it', async () => {
    const input = spotCheck('referral-stall', 'SERIOUS');
    await start(input);
    const { referralId, handle } = await referralOf(input);
    let cured = false;
    const reason = 'projectReferral: ER_DATA_TOO_LONG on column note';
    permanentFailure = (activity, arg) => (!cured && activity === 'projectReferral' && (arg as ReferralState).referralId === referralId ? reason : undefined);
    const acknowledged = handle.executeUpdate(acknowledgeReferralUpdate, { args: [{ actor: ACTORS.OFFICER, note: 'received' }] });
    const stalled = await until(
      'the referral to stall',
      () => handle.query(referralStateQuery),
      (s) => !!s.stalled,
    );
    expect(stalled.stalled).toMatchObject({ reason });
    await expectRefused(conclude(handle), `the referral is stalled: ${reason}; an administrator or supervisor must retry it once the cause is fixed`);
    await expectRefused(handle.executeUpdate(retryStalledReferralUpdate, { args: [{ actor: ACTORS.OFFICER }] }), 'retry needs the role ADMIN or SUPERVISOR');
    cured = true;
    expect(await handle.executeUpdate(retryStalledReferralUpdate, { args: [{ actor: ACTORS.SUPERVISOR }] })).toMatchObject({ status: 'ACKNOWLEDGED', stalled: null });
    expect(await acknowledged).toMatchObject({ status: 'ACKNOWLEDGED' });
    expect(writesOf(referralId).at(-1)!.state).toMatchObject({ status: 'ACKNOWLEDGED' });
    await recordHistory(handle, 'referral-stall-and-retry');
  });

  it('a conclusion that arrives while the acknowledgement is being written still reaches the projection', async () => {
    const input = spotCheck('referral-race', 'SERIOUS');
    await start(input);
    const { referralId, handle } = await referralOf(input);
    let release!: () => void;
    let held = false;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    releaseAtEnd.push(() => release());
    // Hold the write that carries the conclusion deadline, as a slow database would.
    holdReferralWrite = (s) => {
      if (s.referralId !== referralId || s.concludeDeadlineAt === null || s.status !== 'ACKNOWLEDGED') return undefined;
      held = true;
      return gate;
    };
    await acknowledge(handle);
    await until(
      'the held write',
      () => held,
      (h) => h,
    );
    const update = await handle.startUpdate(concludeReferralUpdate, {
      args: [{ actor: ACTORS.OFFICER, outcome: 'NO_ACCOUNTABILITY', conclusion: 'not responsible' }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    release();
    expect(await update.result()).toMatchObject({ status: 'CONCLUDED' });
    expect(await handle.result()).toMatchObject({ status: 'CONCLUDED', outcome: 'NO_ACCOUNTABILITY' });
    expect(writesOf(referralId).at(-1)!.state).toMatchObject({ status: 'CONCLUDED', outcome: 'NO_ACCOUNTABILITY' });
  });
});

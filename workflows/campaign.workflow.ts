import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CampaignActivities, CaseActivities } from '../activities';
import {
  failedCategories,
  findingDescription,
  initialCampaignState,
  itemDone,
  refuseCampaignAction,
  campaignFindingKey,
  campaignHeader,
  SUBJECT_TYPE_OF_KIND,
  type ActorRef,
  type CampaignCommand,
  type CampaignInput,
  type CampaignItemState,
  type CampaignState,
} from '../libs/domain/src';
import { ACTION_REFUSED, ACTIVITY_RETRY, campaignActionUpdate, campaignStateQuery } from '../libs/temporal/src/workflow-contracts';

const { drawCampaignSample, projectCampaign, openCampaignFinding, notifyCampaignInspector, computeDeadline, sendNotice } = proxyActivities<CampaignActivities & CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: ACTIVITY_RETRY,
});

/** An item's deadline counts working days on the calendar of the case deadlines; the reminder comes at two thirds. */
const ITEM_TERMS = { timeUnit: 'WORKING_DAY', supervisionGrace: 1, referralGrace: 1 } as const;

const refused = (message: string) => ApplicationFailure.create({ type: ACTION_REFUSED, message, nonRetryable: true });

/**
 * A spot-check campaign (抽查评估), from its definition to its close: the draw (a sample of the registry,
 * reproducible from its seed), the assignments with working-day deadlines, reminders and overdue warnings,
 * the checklist results, a finding case per failed item. Each change is written (and audited) before its
 * Update answers; one at a time. It closes when the office closes it or when every item has a result.
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignState> {
  let state = initialCampaignState(input);
  let busy = true;
  let changed = false;
  setHandler(campaignStateQuery, () => state);
  const refuse = (command: CampaignCommand) => {
    const refusal = refuseCampaignAction(state, command);
    if (refusal) throw refused(refusal);
  };
  // Only the items that changed travel to the projection: the history keeps every activity's input.
  const write = async (next: CampaignState, changed: number[] | 'ALL', action: string, actor: ActorRef | null, note: string | null = null) => {
    const written = { ...next, revision: state.revision + 1 };
    const items = changed === 'ALL' ? written.items : written.items.filter((i) => changed.includes(i.itemNo));
    await projectCampaign(campaignHeader(written), items, action, actor, note, new Date().toISOString());
    state = written;
  };
  setHandler(
    campaignActionUpdate,
    async (command) => {
      await condition(() => !busy);
      busy = true;
      try {
        refuse(command); // again: an earlier Update may have changed the state meanwhile
        await carryOut(command);
        changed = true;
        return { campaignId: state.campaignId, status: state.status, revision: state.revision };
      } finally {
        busy = false;
      }
    },
    { validator: refuse },
  );

  async function carryOut(command: CampaignCommand): Promise<void> {
    const now = new Date().toISOString();
    switch (command.action) {
      case 'draw': {
        const draw = await drawCampaignSample(state.campaignId, state.definition);
        if (draw.entries.length === 0) throw refused("no registry entry in the campaign's scope");
        const items: CampaignItemState[] = draw.entries.map((e) => ({
          ...e,
          status: 'UNASSIGNED',
          inspectorUserId: null,
          assignedAt: null,
          remindAt: null,
          deadlineAt: null,
          assignments: 0,
          reminded: false,
          overdueWarned: false,
          results: null,
          evidenceRef: null,
          severity: null,
          completedAt: null,
          findingCaseId: null,
          findingCaseNo: null,
        }));
        await write({ ...state, status: 'IN_PROGRESS', drawnAt: now, snapshotFingerprint: draw.snapshotFingerprint, snapshotSize: draw.snapshotSize, allocation: draw.allocation, items }, 'ALL', 'DRAWN', command.actor);
        return;
      }
      case 'assign': {
        const schedule = await computeDeadline(now, state.definition.deadlineWorkingDays, ITEM_TERMS);
        const items = state.items.map((item) => {
          const a = command.assignments.find((x) => x.itemNo === item.itemNo);
          if (!a) return item;
          return { ...item, status: 'ASSIGNED' as const, inspectorUserId: a.inspectorUserId, assignedAt: now, remindAt: schedule.warnAt, deadlineAt: schedule.deadlineAt, assignments: item.assignments + 1, reminded: false, overdueWarned: false };
        });
        await write({ ...state, items }, command.assignments.map((a) => a.itemNo), 'ASSIGNED', command.actor);
        for (const a of command.assignments) {
          const item = state.items.find((i) => i.itemNo === a.itemNo)!;
          await notifyCampaignInspector(a.inspectorUserId, {
            key: noticeKey(state, item, 'ASSIGNED'),
            notice: 'CAMPAIGN_ITEM_ASSIGNED',
            message: `抽查评估「${state.definition.title}」第${item.itemNo}项「${item.entryName}」已分派给您，请于${item.deadlineAt}前完成检查`,
            at: now,
          });
        }
        return;
      }
      case 'record': {
        const item = state.items.find((i) => i.itemNo === command.itemNo)!;
        const failed = command.results.some((r) => !r.passed);
        let done: CampaignItemState = { ...item, status: failed ? 'FAILED' : 'PASSED', results: command.results, evidenceRef: command.evidenceRef, severity: failed ? (command.severity ?? 'GENERAL') : null, completedAt: now };
        if (failed) {
          const finding = await openCampaignFinding({
            key: campaignFindingKey(state.campaignId, item.itemNo),
            category: failedCategories(command.results)[0],
            severity: done.severity!,
            subjectType: SUBJECT_TYPE_OF_KIND[item.kind],
            subjectName: item.entryName,
            regionCode: item.regionCode,
            hostUnitId: item.hostUnitId,
            registryEntryId: item.registryEntryId,
            description: findingDescription(state, done),
          });
          done = { ...done, findingCaseId: finding.caseId, findingCaseNo: finding.caseNo };
        }
        const items = state.items.map((i) => (i.itemNo === item.itemNo ? done : i));
        await write({ ...state, items }, [item.itemNo], failed ? 'ITEM_FAILED' : 'ITEM_PASSED', command.actor);
        if (state.items.every(itemDone)) await write({ ...state, status: 'CLOSED', closedAt: now }, [], 'CLOSED', null, 'every item has a result');
        return;
      }
      case 'close':
        await write({ ...state, status: 'CLOSED', closedAt: now }, [], 'CLOSED', command.actor, command.note);
        return;
    }
  }

  /**
   * Reminders at two thirds of the working time, and the overdue warning at the deadline (to the office's
   * supervisors too); each kind written once for all the items due together.
   */
  async function sendDueNotices(): Promise<void> {
    const now = Date.now();
    const at = new Date().toISOString();
    const assigned = state.items.filter((i) => i.status === 'ASSIGNED');
    const remind = assigned.filter((i) => !i.reminded && i.remindAt && Date.parse(i.remindAt) <= now);
    for (const item of remind) {
      await notifyCampaignInspector(item.inspectorUserId!, {
        key: noticeKey(state, item, 'REMINDER'),
        notice: 'CAMPAIGN_ITEM_REMINDER',
        message: `抽查评估「${state.definition.title}」第${item.itemNo}项「${item.entryName}」将于${item.deadlineAt}到期，请抓紧完成检查`,
        at,
      });
    }
    if (remind.length > 0) await mark(remind.map((i) => i.itemNo), { reminded: true }, 'ITEMS_REMINDED');
    const overdue = assigned.filter((i) => !i.overdueWarned && i.deadlineAt && Date.parse(i.deadlineAt) <= now);
    for (const item of overdue) {
      const message = `抽查评估「${state.definition.title}」第${item.itemNo}项「${item.entryName}」已超过检查期限（${item.deadlineAt}）`;
      await notifyCampaignInspector(item.inspectorUserId!, { key: noticeKey(state, item, 'OVERDUE'), notice: 'CAMPAIGN_ITEM_OVERDUE', message, at });
      await sendNotice({ caseId: null, referralId: null, key: noticeKey(state, item, 'OVERDUE'), notice: 'CAMPAIGN_ITEM_OVERDUE', message, at, to: [{ orgId: state.definition.organizationId, role: 'SUPERVISOR', level: 'SELF' }] });
    }
    if (overdue.length > 0) await mark(overdue.map((i) => i.itemNo), { overdueWarned: true }, 'ITEMS_OVERDUE');
  }
  const mark = (itemNos: number[], change: Partial<CampaignItemState>, action: string) =>
    write({ ...state, items: state.items.map((i) => (itemNos.includes(i.itemNo) ? { ...i, ...change } : i)) }, itemNos, action, null);

  await projectCampaign(campaignHeader(state), [], 'CREATED', input.createdBy, null, input.createdAt);
  busy = false;
  const closed = () => state.status === 'CLOSED';
  while (!closed()) {
    const due = nextDue(state);
    const wakeUp = () => changed || closed();
    if (due === null) await condition(wakeUp);
    else await condition(wakeUp, Math.max(due - Date.now(), 0));
    changed = false;
    if (closed()) break;
    await condition(() => !busy);
    busy = true;
    try {
      await sendDueNotices();
    } finally {
      busy = false;
    }
  }
  await condition(() => !busy);
  return state;
}

/** The next instant a reminder or an overdue warning is due, or null. */
function nextDue(state: CampaignState): number | null {
  const times = state.items
    .filter((i) => i.status === 'ASSIGNED')
    .flatMap((i) => [!i.reminded && i.remindAt ? Date.parse(i.remindAt) : null, !i.overdueWarned && i.deadlineAt ? Date.parse(i.deadlineAt) : null])
    .filter((t): t is number => t !== null);
  return times.length === 0 ? null : Math.min(...times);
}

/** Unique per notice and assignment, so a retried fan-out adds nothing and a reassignment notifies anew. */
const noticeKey = (state: CampaignState, item: CampaignItemState, notice: string) => `campaign.${state.campaignId}.${item.itemNo}.${item.assignments}.${notice}`;

import type { ActionPayloads, ActorRef, CommandOf } from './case-actions';
import { actionRefusal, CASE_ACTIONS, STEP_RULES, type Actor, type CaseAction, type CaseStep } from './case-state-machine';
import type { CaseWorkflowInput } from './case-input';
import type { CaseOutcome, CaseState } from './case-state';
import type { Severity } from './case-vocabulary';
import { stalledRefusal } from './case-stall';
import { refuseEvidenceRefs, type EvidenceRef } from './evidence';
import type { Role } from './roles';
import type { DeadlineKind } from './sla';

/** One entry for the timeline; `isPublic` entries are shown to the complainant. */
export interface TimelineEntry {
  type: string;
  note: string | null;
  isPublic: boolean;
  actor: ActorRef | null;
  /** Files this event attaches: the projection marks them attached and puts their hashes in the audit record. */
  attachments?: EvidenceRef[];
}

/** Who gets a notification: a role (or everyone) in the organization, or at the level that supervises it. */
export interface Recipient {
  orgId: number;
  role: Role | null;
  level: 'SELF' | 'SUPERVISING';
}

export const REFERRAL_REASONS = ['SERIOUS_FINDING', 'DISCIPLINARY_FINDING', 'OVERDUE', 'SECOND_BREACH'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** What the workflow must do after a decision, in order: these need activities, timers or other workflows. */
export type CaseEffect =
  | { type: 'startDeadline'; kind: DeadlineKind; amount: number }
  | { type: 'resizeDeadline'; amount: number }
  | { type: 'clearDeadline' }
  /** A supervision order on a missed deadline: the new deadline is the missed one's referral instant. */
  | { type: 'superviseDeadline' }
  | { type: 'openRevisitWindow' }
  /** `sequence` numbers the case's referrals: it names the referral's workflow. */
  | { type: 'refer'; reason: ReferralReason; sequence: number }
  | { type: 'notify'; notice: string; to: Recipient[]; message: string }
  | { type: 'announceMerge'; targetCaseId: string };

export interface Decision {
  events: TimelineEntry[];
  effects: CaseEffect[];
}

const MAX_REOPENS = 2;

export function initialCaseState(input: CaseWorkflowInput): CaseState {
  return {
    caseId: input.caseId,
    caseNo: input.caseNo,
    source: input.source,
    category: input.category,
    regionCode: input.regionCode,
    anonymous: input.anonymous,
    publicFollowUp: input.accessCodeHash !== null,
    severity: input.severity,
    step: 'SUBMITTED',
    status: 'OPEN',
    outcome: null,
    handlingOrgId: null,
    investigatingOrgId: null,
    hostUnitId: input.hostUnitId ?? null,
    findingResult: null,
    findingSummary: null,
    rectificationDays: null,
    reply: null,
    satisfaction: null,
    reopenCount: 0,
    deadline: null,
    escalation: { warned: false, reminded: false, supervised: false, referred: false },
    pendingExtension: null,
    extensionUsed: false,
    extensionStages: [],
    breaches: 0,
    supervised: false,
    referralCount: 0,
    referredSeverity: null,
    revisitEndsAt: null,
    mergedInto: null,
    policy: null,
    rules: { findingReferredOnce: true, supervisionDeadline: true },
    seq: 0,
    revision: 0,
    stalled: null,
  };
}

/** The organization whose turn it is in the current step. */
export function assigneeOrg(state: CaseState): number | null {
  switch (STEP_RULES[state.step].assignee) {
    case 'HOST_UNIT_OPERATOR':
      return state.hostUnitId;
    case 'HANDLER':
      return state.step === 'INVESTIGATING' ? (state.investigatingOrgId ?? state.handlingOrgId) : state.handlingOrgId;
    case 'SUPERVISOR':
      return state.handlingOrgId;
    default:
      return null;
  }
}

/**
 * Why the action may not be taken now by this actor, whatever it carries, or null: the table, then the
 * case's own state. `GET /cases/{id}/actions` lists the actions this allows.
 */
export function refuseAction(state: CaseState, action: CaseAction, actor: Actor, now: Date): string | null {
  if (state.stalled) return stalledRefusal(state.stalled);
  const byTable = actionRefusal(action, state.step, actor);
  if (byTable) return byTable;
  switch (action) {
    case 'request-extension': {
      const assignee = STEP_RULES[state.step].assignee;
      if (actor !== assignee) return `only the ${assignee} in charge of this step may ask for an extension`;
      if (!state.deadline) return 'no deadline is running';
      if (now.getTime() >= Date.parse(state.deadline.deadlineAt)) return 'an extension must be requested before the deadline';
      if (state.deadline.supervision) return 'the deadline was missed: the supervision order set the new one';
      if (state.pendingExtension) return 'an extension request is already pending';
      if (state.extensionUsed || state.extensionStages.includes(extensionKey(state))) return 'this stage already had its one extension request';
      return null;
    }
    case 'decide-extension':
      return state.pendingExtension ? null : 'no extension request is pending';
    case 'attach-evidence':
      return actor === 'HOST_UNIT_OPERATOR' && STEP_RULES[state.step].stage !== 'RECTIFYING' ? 'the host unit attaches evidence only during rectification' : null;
    case 'evaluate':
      // The closing timer may not have run yet; the window is over all the same.
      return state.revisitEndsAt && now.getTime() >= Date.parse(state.revisitEndsAt) ? `the revisit window closed at ${state.revisitEndsAt}` : null;
    default:
      return null;
  }
}

/** Why the command may not be applied now, or null. Pure: the Update validator calls it. */
export function refuseCommand<A extends CaseAction>(state: CaseState, command: CommandOf<A>, now: Date): string | null {
  return refuseAction(state, command.action, command.actor.role, now) ?? refusePayload(state, command);
}

/** The rules that depend on what the command carries. */
function refusePayload(state: CaseState, command: CommandOf<CaseAction>): string | null {
  const terms = state.policy;
  if (isCommand(command, 'dispatch')) {
    return command.payload.investigatingOrgId === command.payload.hostUnitId ? 'the implicated host unit cannot investigate a complaint against itself' : null;
  }
  if (isCommand(command, 'finding')) {
    const { result, severity } = command.payload;
    return result === 'UNSUBSTANTIATED' && severity !== 'GENERAL' ? `an unsubstantiated finding cannot be ${severity}: only a substantiated one is referred` : null;
  }
  if (isCommand(command, 'decide-extension')) {
    const requester = state.pendingExtension?.requestedBy;
    return requester?.userId != null && requester.userId === command.actor.userId ? 'the supervisor who asked for the extension cannot decide it' : null;
  }
  if (isCommand(command, 'request-extension')) {
    return terms && command.payload.days > terms.maxExtension ? `an extension is at most ${terms.maxExtension} working days` : null;
  }
  if (isCommand(command, 'attach-evidence')) {
    if (command.payload.forwarded && command.actor.role !== 'HANDLER') return 'only a handler forwards a redacted copy to the host unit';
    return refuseEvidenceRefs(command.payload.files);
  }
  if (isCommand(command, 'supervise')) {
    const { decision, rectificationDays } = command.payload;
    if (state.step === 'SUPERVISOR_REVIEW' && !decision) return 'a supervisor review needs a decision: CLOSE or REOPEN';
    if (state.step !== 'SUPERVISOR_REVIEW' && decision) return 'a decision is only taken in a supervisor review';
    if (rectificationDays !== undefined) {
      if (state.step !== 'NOTICE_SENT' && state.step !== 'RECTIFYING') return 'the rectification time can only be set during rectification';
      if (terms && rectificationDays > terms.maxRectification) return `rectification is at most ${terms.maxRectification} working days`;
    }
  }
  return null;
}

function isCommand<K extends CaseAction>(command: CommandOf<CaseAction>, action: K): command is CommandOf<K> {
  return command.action === action;
}

/** The actions this actor may take on the case now (before looking at what they would carry). */
export function availableActions(state: CaseState, actor: Actor, now: Date): CaseAction[] {
  return CASE_ACTIONS.filter((action) => refuseAction(state, action, actor, now) === null);
}

/** Applies an allowed command to the state and says what follows. Call refuseCommand first. */
export function applyCommand<A extends CaseAction>(state: CaseState, command: CommandOf<A>): Decision {
  const decide: Decider<A> = DECIDERS[command.action];
  return decide(state, command.payload, command.actor);
}

type Decider<A extends keyof ActionPayloads> = (state: CaseState, payload: ActionPayloads[A], actor: ActorRef) => Decision;

const DECIDERS: { [A in keyof ActionPayloads]: Decider<A> } = {
  accept: (state, p, actor) => moveTo(state, 'ACCEPTED', entry('ACCEPTED', p.note, true, actor)),
  reject: (state, p, actor) => close(state, 'REJECTED', entry('REJECTED', `${p.reason}: ${p.note}`, true, actor)),
  merge: (state, p, actor) => {
    state.mergedInto = p.targetCaseId;
    const decision = close(state, 'MERGED', entry('MERGED', `merged into ${p.targetCaseNo}${p.note ? `: ${p.note}` : ''}`, true, actor));
    decision.effects.push({ type: 'announceMerge', targetCaseId: p.targetCaseId });
    return decision;
  },
  dispatch: (state, p, actor) => {
    state.investigatingOrgId = p.investigatingOrgId;
    state.hostUnitId = p.hostUnitId;
    const decision = moveTo(state, 'INVESTIGATING', entry('DISPATCHED', p.note, true, actor));
    decision.effects.push(notify('CASE_DISPATCHED', [{ orgId: p.investigatingOrgId, role: 'HANDLER', level: 'SELF' }], `case ${state.caseNo} dispatched for investigation`));
    return decision;
  },
  finding: (state, p, actor) => {
    state.findingResult = p.result;
    state.findingSummary = p.summary;
    state.severity = p.severity;
    const recorded = entry('FINDING_RECORDED', `${p.result} (${p.severity}): ${p.summary}`, true, actor);
    if (p.result === 'UNSUBSTANTIATED') return moveTo(state, 'FEEDBACK', recorded);
    const decision = moveTo(state, 'NOTICE_SENT', recorded, entry('RECTIFICATION_NOTICE_SENT', null, true, null));
    decision.effects.push(notify('RECTIFICATION_NOTICE', [{ orgId: state.hostUnitId!, role: null, level: 'SELF' }], `rectification notice for case ${state.caseNo}`));
    if (findingToRefer(state, p.severity)) pushAll(decision, referFinding(state, p.severity));
    return decision;
  },
  // The host unit's note is for the office, not the complainant.
  sign: (state, p, actor) => moveTo(state, 'RECTIFYING', entry('NOTICE_SIGNED', p.note, false, actor)),
  'submit-rectification': (state, p, actor) => {
    const decision = moveTo(state, 'UNDER_REVIEW', entry('RECTIFICATION_SUBMITTED', `plan: ${p.plan}; evidence: ${p.evidence.join(', ')}`, false, actor));
    decision.effects.push(notify('RECTIFICATION_TO_REVIEW', [{ orgId: state.handlingOrgId!, role: 'SUPERVISOR', level: 'SELF' }], `rectification of case ${state.caseNo} awaits review`));
    return decision;
  },
  'approve-rectification': (state, p, actor) => moveTo(state, 'FEEDBACK', entry('RECTIFICATION_APPROVED', p.note, true, actor)),
  'return-rectification': (state, p, actor) => {
    const decision = moveTo(state, 'RECTIFYING', entry('RECTIFICATION_RETURNED', p.reason, true, actor));
    decision.effects.push(notify('RECTIFICATION_RETURNED', [{ orgId: state.hostUnitId!, role: null, level: 'SELF' }], `rectification of case ${state.caseNo} returned: ${p.reason}`));
    return decision;
  },
  reply: (state, p, actor) => {
    state.reply = p.content;
    const replied = entry('REPLIED', p.content, true, actor);
    if (!state.publicFollowUp) return close(state, 'RESOLVED', replied);
    const decision = moveTo(state, 'REVISIT', replied);
    decision.effects.push({ type: 'openRevisitWindow' });
    return decision;
  },
  evaluate: (state, p, actor) => {
    state.satisfaction = p.satisfaction;
    const evaluated = entry('EVALUATED', `${p.satisfaction}${p.comment ? `: ${p.comment}` : ''}`, true, actor);
    if (p.satisfaction !== 'UNSATISFIED') return close(state, 'RESOLVED', evaluated);
    if (state.reopenCount >= MAX_REOPENS) {
      const decision = moveTo(state, 'SUPERVISOR_REVIEW', evaluated);
      decision.effects.push(notify('SUPERVISOR_REVIEW', [{ orgId: state.handlingOrgId!, role: 'SUPERVISOR', level: 'SELF' }], `case ${state.caseNo} unsatisfied a third time: supervisor review`));
      return decision;
    }
    state.reopenCount += 1;
    return moveTo(state, 'INVESTIGATING', evaluated, entry('REOPENED', `reopen ${state.reopenCount} of ${MAX_REOPENS}`, true, null));
  },
  // The complainant sees its own addition on the public timeline; staff material stays internal.
  'attach-evidence': (_state, p, actor) => ({
    events: [{ ...entry(p.forwarded ? 'EVIDENCE_FORWARDED' : 'EVIDENCE_ATTACHED', `${p.files.length} file(s)${p.note ? `: ${p.note}` : ''}`, actor.role === 'COMPLAINANT', actor), attachments: p.files }],
    effects: [],
  }),
  'request-extension': (state, p, actor) => {
    state.pendingExtension = { days: p.days, reason: p.reason, requestedBy: actor };
    return {
      events: [entry('EXTENSION_REQUESTED', `${p.days} more: ${p.reason}`, false, actor)],
      effects: [notify('EXTENSION_REQUESTED', [{ orgId: state.handlingOrgId!, role: 'SUPERVISOR', level: 'SELF' }], `case ${state.caseNo}: extension of ${p.days} requested`)],
    };
  },
  'decide-extension': (state, p, actor) => {
    const pending = state.pendingExtension!;
    state.pendingExtension = null;
    state.extensionUsed = true;
    state.extensionStages.push(extensionKey(state));
    // Approved or refused, the complainant is told (public entry).
    if (!p.approve) return { events: [entry('EXTENSION_REFUSED', p.note, true, actor)], effects: [] };
    return {
      events: [entry('EXTENSION_APPROVED', `${pending.days} more${p.note ? `: ${p.note}` : ''}`, true, actor)],
      effects: [{ type: 'resizeDeadline', amount: state.deadline!.amount + pending.days }],
    };
  },
  supervise: (state, p, actor) => {
    if (p.decision === 'CLOSE') return close(state, 'CLOSED_BY_SUPERVISOR', entry('SUPERVISOR_CLOSED', p.note, true, actor));
    if (p.decision === 'REOPEN') {
      state.reopenCount += 1;
      return moveTo(state, 'INVESTIGATING', entry('REOPENED', p.note, true, actor));
    }
    state.supervised = true;
    // In a step that waits on nobody in an organization (REVISIT waits on the complainant), the order goes to the handling office.
    const orderedOrg = assigneeOrg(state) ?? state.handlingOrgId;
    const decision: Decision = {
      events: [entry('SUPERVISION_ORDERED', p.note, false, actor)],
      effects: orderedOrg === null ? [] : [notify('SUPERVISION_ORDER', [{ orgId: orderedOrg, role: null, level: 'SELF' }], `supervision order on case ${state.caseNo}: ${p.note}`)],
    };
    if (p.rectificationDays !== undefined) {
      state.rectificationDays = p.rectificationDays;
      if (state.step === 'RECTIFYING') decision.effects.push({ type: 'resizeDeadline', amount: p.rectificationDays });
    } else if (needsSupervisionDeadline(state)) {
      // An order on a missed deadline comes with a new one; the automatic order 2 working days late is then not repeated.
      state.escalation.supervised = true;
      decision.effects.unshift({ type: 'superviseDeadline' });
    }
    return decision;
  },
};

/** The next instant an escalation or the revisit window needs the workflow to wake, if any. */
export function nextWakeAt(state: CaseState): number | null {
  if (state.status === 'CLOSED') return null;
  if (state.step === 'REVISIT') return state.revisitEndsAt ? Date.parse(state.revisitEndsAt) : null;
  const d = state.deadline;
  if (!d) return null;
  const e = state.escalation;
  const pending = [!e.warned && d.warnAt, !e.reminded && d.deadlineAt, !e.supervised && d.supervisionAt, !e.referred && d.referralAt].filter(
    (at): at is string => typeof at === 'string',
  );
  return pending.length ? Math.min(...pending.map(Date.parse)) : null;
}

/** Fires every escalation whose instant has come (PRODUCT.md, "Deadlines and escalation"). */
export function escalate(state: CaseState, now: Date): Decision {
  const decision: Decision = { events: [], effects: [] };
  if (state.status === 'CLOSED') return decision;
  if (state.step === 'REVISIT') {
    return state.revisitEndsAt && now.getTime() >= Date.parse(state.revisitEndsAt)
      ? close(state, 'NOT_EVALUATED', entry('REVISIT_EXPIRED', 'no evaluation within the revisit window', true, null))
      : decision;
  }
  const d = state.deadline;
  const org = assigneeOrg(state);
  if (!d || org === null) return decision;
  const due = (at: string) => now.getTime() >= Date.parse(at);
  const e = state.escalation;
  const assignee: Recipient = { orgId: org, role: STEP_RULES[state.step].assignee, level: 'SELF' };

  if (!e.warned && due(d.warnAt)) {
    e.warned = true;
    decision.events.push(entry('DEADLINE_WARNING', `${d.kind} due ${d.deadlineAt}`, false, null));
    decision.effects.push(notify('DEADLINE_WARNING', [assignee], `case ${state.caseNo}: ${d.kind} due ${d.deadlineAt}`));
  }
  if (!e.reminded && due(d.deadlineAt)) {
    e.reminded = true;
    state.breaches += 1;
    decision.events.push(entry('DEADLINE_MISSED', `${d.kind}${d.supervision ? ' (supervision order)' : ''} was due ${d.deadlineAt}`, false, null));
    decision.effects.push(notify('DEADLINE_REMINDER', [{ ...assignee, role: null }], `case ${state.caseNo}: ${d.kind} is overdue`));
    // A missed supervision deadline is the referral instant itself: referred below as OVERDUE.
    if (state.breaches >= 2 && !e.referred && !d.supervision) pushAll(decision, refer(state, 'SECOND_BREACH'));
  }
  if (!e.supervised && due(d.supervisionAt)) {
    e.supervised = true;
    state.supervised = true;
    if (state.rules.supervisionDeadline) decision.effects.push({ type: 'superviseDeadline' });
    decision.events.push(entry('SUPERVISION_ORDERED', `automatic: ${d.kind} overdue; complete by ${d.referralAt}`, false, null));
    decision.effects.push(
      notify('SUPERVISION_ORDER', [{ orgId: org, role: null, level: 'SELF' }, { orgId: org, role: 'SUPERVISOR', level: 'SUPERVISING' }], `supervision order on case ${state.caseNo}: complete by ${d.referralAt}`),
    );
  }
  if (!e.referred && due(d.referralAt)) pushAll(decision, refer(state, 'OVERDUE'));
  return decision;
}

/** The order of severities: a finding is referred when it is more severe than what was already referred. */
const SEVERITY_RANK: Record<Severity, number> = { GENERAL: 0, SERIOUS: 1, DISCIPLINARY: 2 };

/**
 * Whether a finding of this severity goes to the discipline body: SERIOUS and DISCIPLINARY do, once. A
 * spot-check referred on creation, or a reopened case, is not referred again when a finding confirms the
 * same severity; a more severe finding is.
 */
export function findingToRefer(state: CaseState, severity: Severity): boolean {
  if (severity === 'GENERAL') return false;
  if (!state.rules.findingReferredOnce || state.referredSeverity === null) return true;
  return SEVERITY_RANK[severity] > SEVERITY_RANK[state.referredSeverity];
}

function referFinding(state: CaseState, severity: Severity): Decision {
  state.referredSeverity = severity;
  return refer(state, severity === 'SERIOUS' ? 'SERIOUS_FINDING' : 'DISCIPLINARY_FINDING');
}

/** A manual supervision order on a missed deadline that has no supervision deadline yet. */
function needsSupervisionDeadline(state: CaseState): boolean {
  return state.rules.supervisionDeadline && state.deadline !== null && !state.deadline.supervision && state.escalation.reminded;
}

/** Extensions are counted per stage (RECTIFYING's three steps share one) and per cycle: a reopen starts a new one. */
function extensionKey(state: CaseState): string {
  return `${state.reopenCount}:${STEP_RULES[state.step].stage}`;
}

function refer(state: CaseState, reason: ReferralReason): Decision {
  state.escalation.referred = true;
  state.referralCount += 1;
  return { events: [entry('REFERRED_TO_DISCIPLINE', reason, false, null)], effects: [{ type: 'refer', reason, sequence: state.referralCount }] };
}

/**
 * The first decision of a case, once registered: a complaint waits for acceptance; a spot-check
 * finding is accepted on creation and, when serious, referred at once.
 */
export function admit(state: CaseState): Decision {
  if (state.source === 'COMPLAINT') return moveTo(state, 'SUBMITTED');
  const decision = moveTo(state, 'ACCEPTED', entry('ACCEPTED', 'spot-check finding, accepted on creation', true, null));
  if (state.severity && state.severity !== 'GENERAL') pushAll(decision, referFinding(state, state.severity));
  return decision;
}

function moveTo(state: CaseState, step: CaseStep, ...events: TimelineEntry[]): Decision {
  state.step = step;
  // The new step's deadline arrives with the startDeadline effect; until then none runs.
  state.deadline = null;
  state.escalation = { warned: false, reminded: false, supervised: false, referred: false };
  state.pendingExtension = null;
  state.extensionUsed = state.extensionStages.includes(extensionKey(state));
  const kind = STEP_RULES[step].deadline;
  const amount = kind === 'RECTIFICATION' && state.rectificationDays ? state.rectificationDays : kind && state.policy ? state.policy.durations[kind] : null;
  return { events, effects: [kind && amount ? { type: 'startDeadline', kind, amount } : { type: 'clearDeadline' }] };
}

function close(state: CaseState, outcome: CaseOutcome, ...events: TimelineEntry[]): Decision {
  const decision = moveTo(state, 'CLOSED', ...events, entry('CLOSED', outcome, true, null));
  state.status = 'CLOSED';
  state.outcome = outcome;
  return decision;
}

function entry(type: string, note: string | null | undefined, isPublic: boolean, actor: ActorRef | null): TimelineEntry {
  return { type, note: note ?? null, isPublic, actor };
}

function notify(notice: string, to: Recipient[], message: string): CaseEffect {
  // A recipient without an organization reaches nobody and can never be written: it is never emitted.
  return { type: 'notify', notice, to: to.filter((r) => r.orgId !== null && r.orgId !== undefined), message };
}

function pushAll(into: Decision, from: Decision): void {
  into.events.push(...from.events);
  into.effects.push(...from.effects);
}

import { SATISFACTIONS, SEVERITIES, type CaseStage } from './case-vocabulary';
import type { Role } from './roles';
import type { DeadlineKind } from './sla';

/**
 * The finer position of a case inside its stage: RECTIFYING has a notice to sign, work to do and a
 * review; REVISIT may end in a supervisor's review. Every step has at most one running deadline.
 */
export const CASE_STEPS = [
  'SUBMITTED',
  'ACCEPTED',
  'INVESTIGATING',
  'NOTICE_SENT',
  'RECTIFYING',
  'UNDER_REVIEW',
  'FEEDBACK',
  'REVISIT',
  'SUPERVISOR_REVIEW',
  'CLOSED',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** Who acts on a case: staff roles, and the complainant through the public endpoints. */
export type Actor = Role | 'COMPLAINANT';

export interface StepRule {
  stage: CaseStage;
  /** The deadline that runs while the case is in this step. */
  deadline: DeadlineKind | null;
  /** Whose turn it is: warnings and reminders go to them, and they may ask for an extension. */
  assignee: Role | null;
}

export const STEP_RULES: Record<CaseStep, StepRule> = {
  SUBMITTED: { stage: 'SUBMITTED', deadline: 'ACCEPTANCE', assignee: 'HANDLER' },
  ACCEPTED: { stage: 'ACCEPTED', deadline: 'DISPATCH', assignee: 'HANDLER' },
  INVESTIGATING: { stage: 'INVESTIGATING', deadline: 'INVESTIGATION', assignee: 'HANDLER' },
  NOTICE_SENT: { stage: 'RECTIFYING', deadline: 'SIGN', assignee: 'HOST_UNIT_OPERATOR' },
  RECTIFYING: { stage: 'RECTIFYING', deadline: 'RECTIFICATION', assignee: 'HOST_UNIT_OPERATOR' },
  UNDER_REVIEW: { stage: 'RECTIFYING', deadline: 'REVIEW', assignee: 'SUPERVISOR' },
  FEEDBACK: { stage: 'FEEDBACK', deadline: 'FEEDBACK', assignee: 'HANDLER' },
  REVISIT: { stage: 'REVISIT', deadline: null, assignee: null },
  SUPERVISOR_REVIEW: { stage: 'REVISIT', deadline: 'REVIEW', assignee: 'SUPERVISOR' },
  CLOSED: { stage: 'CLOSED', deadline: null, assignee: null },
};

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'dispatch',
  'sign',
  'finding',
  'submit-rectification',
  'approve-rectification',
  'return-rectification',
  'reply',
  'request-extension',
  'decide-extension',
  'supervise',
  'evaluate',
  'attach-evidence',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Actions that do not go through `POST /cases/{id}/{action}`: `evaluate` is the complainant's, through the
 * public page; `attach-evidence` comes with its files through the evidence upload routes.
 */
export const ACTIONS_OFF_THE_ACTION_ROUTE = ['evaluate', 'attach-evidence'] as const;

/** The actions staff take through `POST /cases/{id}/{action}`. */
export type StaffAction = Exclude<CaseAction, (typeof ACTIONS_OFF_THE_ACTION_ROUTE)[number]>;
export const isStaffAction = (action: string): action is StaffAction =>
  !(ACTIONS_OFF_THE_ACTION_ROUTE as readonly string[]).includes(action) && (CASE_ACTIONS as readonly string[]).includes(action);
export const STAFF_ACTIONS = CASE_ACTIONS.filter(isStaffAction);

/** Where an action leads: a step, or the step it was taken in. */
export type ActionTarget = CaseStep | 'SAME_STEP';

/**
 * What an action does to the deadline: starts the one of the step it leads to, lengthens the running one,
 * gives a missed one a new deadline (a supervision order: the referral instant of the missed deadline, see
 * deadline-rules.ts superviseDeadline), or none.
 */
export const DEADLINE_CHANGES = ['OF_NEXT_STEP', 'EXTENDS_RUNNING', 'SUPERVISION_ORDER', 'NONE'] as const;
export type DeadlineChange = (typeof DEADLINE_CHANGES)[number];

/** One input field of an action, as the API validates it and a form shows it. */
export interface ActionField {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'uuid' | 'string[]';
  required: boolean;
  /** The allowed values, when the field is a choice. */
  enum?: readonly string[];
  /** Bounds of an integer. */
  minimum?: number;
  maximum?: number;
  /** Length of a string, or of each string of a list. */
  maxLength?: number;
  /** Where the value is picked from, for fields that name another record. */
  pick?: 'CYBERSPACE_OFFICE' | 'HOST_UNIT' | 'MERGE_CANDIDATE';
}

export interface ActionRule {
  /** The steps the action is allowed in. */
  steps: readonly CaseStep[];
  /** The roles that may take it. */
  actors: readonly Actor[];
  /** The step it leads to; with several, `branch` says what picks one. */
  leadsTo: readonly ActionTarget[];
  branch?: string;
  deadline: DeadlineChange;
  fields: readonly ActionField[];
  summary: string;
}

const OPEN_STEPS = CASE_STEPS.filter((s) => s !== 'CLOSED');
export const STEPS_WITH_DEADLINE = CASE_STEPS.filter((s) => STEP_RULES[s].deadline !== null);

const text = (name: string, maxLength: number, required = true): ActionField => ({ name, type: 'string', required, maxLength });
const note = text('note', 2000, false);

export const REJECT_REASONS = ['OUT_OF_SCOPE', 'NO_FACTS', 'DUPLICATE_OF_CLOSED'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const FINDING_RESULTS = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'UNSUBSTANTIATED'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];

export const SUPERVISOR_REVIEW_DECISIONS = ['CLOSE', 'REOPEN'] as const;
export type SupervisorReviewDecision = (typeof SUPERVISOR_REVIEW_DECISIONS)[number];

/**
 * The one table of the lifecycle (PRODUCT.md, "The case lifecycle"): for each action, the steps it is
 * allowed in, who may take it, where it leads, the deadline it starts, and the fields it needs. The
 * workflow's Update validators, the API (its docs, its body checks and `GET /cases/{id}/actions`) and
 * the console all read it.
 */
export const ACTION_RULES: Record<CaseAction, ActionRule> = {
  accept: { steps: ['SUBMITTED'], actors: ['HANDLER'], leadsTo: ['ACCEPTED'], deadline: 'OF_NEXT_STEP', fields: [note], summary: 'Accept the complaint (受理)' },
  reject: {
    steps: ['SUBMITTED'],
    actors: ['HANDLER'],
    leadsTo: ['CLOSED'],
    deadline: 'NONE',
    fields: [{ name: 'reason', type: 'string', required: true, enum: REJECT_REASONS }, text('note', 2000)],
    summary: 'Reject with a reason (不予受理); closes the case',
  },
  merge: {
    steps: ['SUBMITTED'],
    actors: ['HANDLER'],
    leadsTo: ['CLOSED'],
    deadline: 'NONE',
    fields: [{ name: 'targetCaseId', type: 'uuid', required: true, pick: 'MERGE_CANDIDATE' }, note],
    summary: 'Merge into an open case about the same subject and category; closes this one',
  },
  dispatch: {
    steps: ['ACCEPTED'],
    actors: ['HANDLER'],
    leadsTo: ['INVESTIGATING'],
    deadline: 'OF_NEXT_STEP',
    fields: [
      { name: 'investigatingOrgId', type: 'integer', required: true, minimum: 1, pick: 'CYBERSPACE_OFFICE' },
      { name: 'hostUnitId', type: 'integer', required: true, minimum: 1, pick: 'HOST_UNIT' },
      note,
    ],
    summary: 'Name the investigating office and the responsible host unit',
  },
  finding: {
    steps: ['INVESTIGATING'],
    actors: ['HANDLER'],
    leadsTo: ['NOTICE_SENT', 'FEEDBACK'],
    branch: 'result: UNSUBSTANTIATED goes to FEEDBACK, otherwise a rectification notice is sent',
    deadline: 'OF_NEXT_STEP',
    fields: [
      { name: 'result', type: 'string', required: true, enum: FINDING_RESULTS },
      { name: 'severity', type: 'string', required: true, enum: SEVERITIES },
      text('summary', 5000),
    ],
    summary: 'Record the investigation finding and severity; SERIOUS and DISCIPLINARY are referred to discipline inspection',
  },
  sign: { steps: ['NOTICE_SENT'], actors: ['HOST_UNIT_OPERATOR'], leadsTo: ['RECTIFYING'], deadline: 'OF_NEXT_STEP', fields: [note], summary: 'Sign for the rectification notice' },
  'submit-rectification': {
    steps: ['RECTIFYING'],
    actors: ['HOST_UNIT_OPERATOR'],
    leadsTo: ['UNDER_REVIEW'],
    deadline: 'OF_NEXT_STEP',
    fields: [text('plan', 5000), { name: 'evidence', type: 'string[]', required: true, maxLength: 500 }],
    summary: 'Submit the rectification plan and evidence',
  },
  'approve-rectification': { steps: ['UNDER_REVIEW'], actors: ['SUPERVISOR'], leadsTo: ['FEEDBACK'], deadline: 'OF_NEXT_STEP', fields: [note], summary: 'Approve the rectification (销号)' },
  'return-rectification': {
    steps: ['UNDER_REVIEW'],
    actors: ['SUPERVISOR'],
    leadsTo: ['RECTIFYING'],
    deadline: 'OF_NEXT_STEP',
    fields: [text('reason', 2000)],
    summary: 'Return the rectification for rework (退回重改); a new rectification period starts',
  },
  reply: {
    steps: ['FEEDBACK'],
    actors: ['HANDLER'],
    leadsTo: ['REVISIT', 'CLOSED'],
    branch: 'REVISIT when the complainant can follow up with an access code, otherwise CLOSED',
    deadline: 'NONE',
    fields: [text('content', 5000)],
    summary: 'Reply to the complainant with the result',
  },
  'request-extension': {
    steps: STEPS_WITH_DEADLINE,
    actors: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR'],
    leadsTo: ['SAME_STEP'],
    deadline: 'NONE',
    fields: [{ name: 'days', type: 'integer', required: true, minimum: 1, maximum: 15 }, text('reason', 2000)],
    summary: 'Ask for more time, before the deadline, once per stage and reopen cycle',
  },
  'decide-extension': {
    steps: STEPS_WITH_DEADLINE,
    actors: ['SUPERVISOR'],
    leadsTo: ['SAME_STEP'],
    deadline: 'EXTENDS_RUNNING',
    fields: [{ name: 'approve', type: 'boolean', required: true }, note],
    summary: 'Approve or refuse a pending extension; not by the supervisor who asked for it',
  },
  supervise: {
    steps: OPEN_STEPS,
    actors: ['SUPERVISOR'],
    leadsTo: ['SAME_STEP', 'CLOSED', 'INVESTIGATING'],
    branch: 'in a supervisor review, decision CLOSE closes and REOPEN goes back to INVESTIGATING (its deadline starts); elsewhere the case stays in its step',
    deadline: 'SUPERVISION_ORDER',
    fields: [
      text('note', 2000),
      { name: 'decision', type: 'string', required: false, enum: SUPERVISOR_REVIEW_DECISIONS },
      { name: 'rectificationDays', type: 'integer', required: false, minimum: 1, maximum: 60 },
    ],
    summary:
      'Issue a supervision order (督办): on a missed deadline it sets a new one, the referral instant of the missed deadline (missing it refers the case); rectificationDays resets the rectification time; in a supervisor review, close or reopen',
  },
  evaluate: {
    steps: ['REVISIT'],
    actors: ['COMPLAINANT'],
    leadsTo: ['CLOSED', 'INVESTIGATING', 'SUPERVISOR_REVIEW'],
    branch: 'satisfaction: SATISFIED or BASICALLY_SATISFIED closes; UNSATISFIED reopens to INVESTIGATING, the third time to SUPERVISOR_REVIEW',
    deadline: 'OF_NEXT_STEP',
    fields: [{ name: 'satisfaction', type: 'string', required: true, enum: SATISFACTIONS }, text('comment', 2000, false)],
    summary: 'The complainant rates the result (回访评价)',
  },
  'attach-evidence': {
    steps: OPEN_STEPS,
    actors: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR', 'COMPLAINANT'],
    leadsTo: ['SAME_STEP'],
    deadline: 'NONE',
    // The files come as multipart uploads; the Update carries their ids and SHA-256 digests.
    fields: [note],
    summary: 'Attach evidence files (screenshots, photos, PDF) to the case; the host unit only during rectification',
  },
};

/** The deadlines an action may start: those of the steps it leads to. */
export function deadlinesStartedBy(action: CaseAction): DeadlineKind[] {
  const rule = ACTION_RULES[action];
  if (rule.deadline !== 'OF_NEXT_STEP') return [];
  return rule.leadsTo.flatMap((target) => (target === 'SAME_STEP' ? [] : (STEP_RULES[target].deadline ?? [])));
}

/** Why an action is not allowed in a step by an actor, or null when the table allows it. */
export function actionRefusal(action: CaseAction, step: CaseStep, actor: Actor): string | null {
  const rule = ACTION_RULES[action];
  if (!rule.steps.includes(step)) return `${action} is not allowed while the case is ${step}`;
  if (!rule.actors.includes(actor)) return `${action} needs the role ${rule.actors.join(' or ')}`;
  return null;
}

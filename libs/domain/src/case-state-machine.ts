import type { CaseStage } from './case-vocabulary';
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
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OPEN_STEPS = CASE_STEPS.filter((s) => s !== 'CLOSED');
const STEPS_WITH_DEADLINE = CASE_STEPS.filter((s) => STEP_RULES[s].deadline !== null);

/**
 * The one table of what may happen when: the steps an action is allowed in and the roles that may
 * take it. The workflow's Update validators and the API documentation both read it.
 */
export const ACTION_RULES: Record<CaseAction, { steps: readonly CaseStep[]; actors: readonly Actor[]; summary: string }> = {
  accept: { steps: ['SUBMITTED'], actors: ['HANDLER'], summary: 'Accept the complaint (受理)' },
  reject: { steps: ['SUBMITTED'], actors: ['HANDLER'], summary: 'Reject with a reason (不予受理); closes the case' },
  merge: { steps: ['SUBMITTED'], actors: ['HANDLER'], summary: 'Merge into an open case about the same subject and category; closes this one' },
  dispatch: { steps: ['ACCEPTED'], actors: ['HANDLER'], summary: 'Name the investigating office and the responsible host unit' },
  finding: { steps: ['INVESTIGATING'], actors: ['HANDLER'], summary: 'Record the investigation finding and severity' },
  sign: { steps: ['NOTICE_SENT'], actors: ['HOST_UNIT_OPERATOR'], summary: 'Sign for the rectification notice' },
  'submit-rectification': { steps: ['RECTIFYING'], actors: ['HOST_UNIT_OPERATOR'], summary: 'Submit the rectification plan and evidence' },
  'approve-rectification': { steps: ['UNDER_REVIEW'], actors: ['SUPERVISOR'], summary: 'Approve the rectification (销号)' },
  'return-rectification': { steps: ['UNDER_REVIEW'], actors: ['SUPERVISOR'], summary: 'Return the rectification for rework (退回重改)' },
  reply: { steps: ['FEEDBACK'], actors: ['HANDLER'], summary: 'Reply to the complainant with the result' },
  'request-extension': { steps: STEPS_WITH_DEADLINE, actors: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR'], summary: 'Ask for more time, before the deadline, once per stage' },
  'decide-extension': { steps: STEPS_WITH_DEADLINE, actors: ['SUPERVISOR'], summary: 'Approve or refuse a pending extension' },
  supervise: { steps: OPEN_STEPS, actors: ['SUPERVISOR'], summary: 'Issue a supervision order (督办); in a supervisor review, close or reopen' },
  evaluate: { steps: ['REVISIT'], actors: ['COMPLAINANT'], summary: 'The complainant rates the result (回访评价)' },
};

/** Why an action is not allowed in a step by an actor, or null when the table allows it. */
export function actionRefusal(action: CaseAction, step: CaseStep, actor: Actor): string | null {
  const rule = ACTION_RULES[action];
  if (!rule.steps.includes(step)) return `${action} is not allowed while the case is ${step}`;
  if (!rule.actors.includes(actor)) return `${action} needs the role ${rule.actors.join(' or ')}`;
  return null;
}

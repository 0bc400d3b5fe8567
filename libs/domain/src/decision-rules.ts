import type { CaseEffect, Decision } from './case-rules';
import type { CaseState } from './case-state';
import { STEP_RULES } from './case-state-machine';
import type { CaseStage, CaseStatus, Severity } from './case-vocabulary';
import { rescheduleDeadline, startDeadline, superviseDeadline } from './deadline-rules';
import type { DeadlineSchedule } from './sla';

/**
 * What the working calendar gave one effect of a decision: a deadline's schedule (start or resize), the
 * end of the revisit window (ISO instant), or null for an effect that needs no calendar.
 */
export type TimeEffectValue = DeadlineSchedule | string | null;

/** The case's search attributes as its projection row has them. */
export interface CaseSearchValues {
  stage: CaseStage;
  status: CaseStatus;
  severity: Severity | null;
  deadlineAt: string | null;
}

/**
 * A decision carried out by its one activity: the calendar's answer for each effect, in order, which the
 * workflow applies with the same rules the activity applied, and the search attributes of the written row.
 */
export interface DecisionOutcome {
  timeValues: TimeEffectValue[];
  search: CaseSearchValues;
}

/** Which calendar question an effect asks, given the state as the effects before it left it; null if none. */
export type CalendarQuestion =
  | { kind: 'deadline'; from: string; amount: number }
  | { kind: 'revisitEnd'; from: string; amount: number }
  | null;

export function calendarQuestion(state: CaseState, effect: CaseEffect, now: string): CalendarQuestion {
  if (effect.type === 'startDeadline') return { kind: 'deadline', from: now, amount: effect.amount };
  if (effect.type === 'resizeDeadline' && state.deadline) return { kind: 'deadline', from: state.deadline.startedAt, amount: effect.amount };
  if (effect.type === 'openRevisitWindow') return { kind: 'revisitEnd', from: now, amount: state.policy!.revisitWindow };
  return null;
}

/** Applies one time effect with the calendar's answer to it (calendarQuestion); other effects change nothing here. */
export function applyTimeEffect(state: CaseState, effect: CaseEffect, value: TimeEffectValue, now: string): void {
  if (effect.type === 'startDeadline') {
    startDeadline(state, effect.kind, effect.amount, value as DeadlineSchedule);
  } else if (effect.type === 'resizeDeadline' && state.deadline) {
    rescheduleDeadline(state, effect.amount, value as DeadlineSchedule, now);
  } else if (effect.type === 'superviseDeadline') {
    superviseDeadline(state, now);
  } else if (effect.type === 'clearDeadline') {
    state.deadline = null;
  } else if (effect.type === 'openRevisitWindow') {
    state.revisitEndsAt = value as string;
  }
}

/** Numbers the decision's timeline entries after the last one and counts the write; returns the first entry's seq. */
export function advanceRevision(state: CaseState, decision: Decision): number {
  const firstSeq = state.seq + 1;
  state.seq += decision.events.length;
  state.revision += 1;
  return firstSeq;
}

export function caseSearchValues(state: CaseState): CaseSearchValues {
  return { stage: STEP_RULES[state.step].stage, status: state.status, severity: state.severity, deadlineAt: state.deadline?.deadlineAt ?? null };
}

/** The key of a decision's notice: unique per case write and effect, so a retried write adds no second one. */
export function decisionNoticeKey(state: CaseState, effectIndex: number): string {
  return `case.${state.caseId}.${state.revision}.${effectIndex}`;
}

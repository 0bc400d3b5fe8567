import { advanceRevision, applyTimeEffect, calendarQuestion, caseSearchValues, decisionNoticeKey, type CaseState, type Decision, type DecisionOutcome, type TimeEffectValue, type TimelineEntry } from '@app/domain';
import type { WorkingCalendar } from '@app/calendar';
import type { NoticeRequest } from './notification.writer';

/** Everything one decision writes, and what the workflow applies once it is written. */
export interface DecisionWrite {
  /** The case as the decision leaves it: what the projection row gets. */
  state: CaseState;
  entries: TimelineEntry[];
  firstSeq: number;
  notices: NoticeRequest[];
  outcome: DecisionOutcome;
}

/** The calendar's answer to one time effect's question (libs/domain calendarQuestion). */
export function answerTimeEffect(calendar: WorkingCalendar, state: CaseState, question: ReturnType<typeof calendarQuestion>): TimeEffectValue {
  if (question === null) return null;
  const terms = state.policy!;
  if (question.kind === 'deadline') return calendar.schedule(new Date(question.from), question.amount, terms);
  return calendar.addCalendarDays(new Date(question.from), question.amount, terms.timeUnit).toISOString();
}

/**
 * Runs a decision's time effects and numbering with the rules the workflow uses (libs/domain), on a copy
 * of the case, so the workflow can repeat them exactly from the returned answers. Pure: no I/O.
 */
export function planDecision(calendar: WorkingCalendar, before: CaseState, decision: Decision, now: string): DecisionWrite {
  const state = structuredClone(before);
  const timeValues: TimeEffectValue[] = [];
  for (const effect of decision.effects) {
    const value = answerTimeEffect(calendar, state, calendarQuestion(state, effect, now));
    applyTimeEffect(state, effect, value, now);
    timeValues.push(value);
  }
  const firstSeq = advanceRevision(state, decision);
  const notices: NoticeRequest[] = [];
  for (const [index, effect] of decision.effects.entries()) {
    if (effect.type !== 'notify') continue;
    notices.push({ caseId: state.caseId, referralId: null, key: decisionNoticeKey(state, index), notice: effect.notice, message: effect.message, to: effect.to, at: now });
  }
  return { state, entries: decision.events, firstSeq, notices, outcome: { timeValues, search: caseSearchValues(state) } };
}

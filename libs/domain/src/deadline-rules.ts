import type { CaseState, EscalationProgress } from './case-state';
import type { DeadlineKind, DeadlineSchedule } from './sla';

const NOTHING_FIRED: EscalationProgress = { warned: false, reminded: false, supervised: false, referred: false };

/** A step's deadline begins: `amount` in the policy's unit from `schedule.startedAt`, nothing fired yet. */
export function startDeadline(state: CaseState, kind: DeadlineKind, amount: number, schedule: DeadlineSchedule): void {
  state.deadline = { ...schedule, kind, amount };
  state.escalation = { ...NOTHING_FIRED };
}

/**
 * The running deadline moves to a new schedule from the same start: an approved extension (a longer
 * amount) or a changed calendar (the same amount, other instants). Escalations whose instant moved back
 * into the future fire again at the new time, and a missed deadline moved into the future is forgiven:
 * missing it again is the same breach, not a second one. The referral of a deadline happens once, however
 * the deadline moves.
 */
export function rescheduleDeadline(state: CaseState, amount: number, schedule: DeadlineSchedule, now: string): void {
  if (!state.deadline) return;
  const moved = { ...state.deadline, ...schedule, amount };
  const future = (at: string) => Date.parse(at) > Date.parse(now);
  const fired = state.escalation;
  state.deadline = moved;
  state.escalation = {
    warned: fired.warned && !future(moved.warnAt),
    reminded: fired.reminded && !future(moved.deadlineAt),
    supervised: fired.supervised && !future(moved.supervisionAt),
    referred: fired.referred,
  };
  if (fired.reminded && !state.escalation.reminded) state.breaches -= 1;
}

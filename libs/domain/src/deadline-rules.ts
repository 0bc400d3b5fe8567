import type { CaseState, EscalationProgress } from './case-state';
import type { DeadlineKind, DeadlineSchedule } from './sla';

/** Timeline entries that mean a case was escalated: what `fingertip_escalations_total{kind}` counts. */
export const ESCALATION_EVENTS: ReadonlySet<string> = new Set(['DEADLINE_WARNING', 'DEADLINE_MISSED', 'SUPERVISION_ORDERED', 'REFERRED_TO_DISCIPLINE']);

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
  const future = (at: string) => Date.parse(at) > Date.parse(now);
  const fired = state.escalation;
  if (state.deadline.supervision) {
    // The order stands; its deadline (the referral instant of the missed one) moves with the calendar.
    state.deadline = { ...state.deadline, ...supervisedInstants(schedule, state.deadline.supervision.orderedAt), amount, supervision: { ...state.deadline.supervision, missedDeadlineAt: schedule.deadlineAt } };
    state.escalation = { ...fired, reminded: fired.reminded && !future(state.deadline.deadlineAt) };
    if (fired.reminded && !state.escalation.reminded) state.breaches -= 1;
    return;
  }
  const moved = { ...state.deadline, ...schedule, amount };
  state.deadline = moved;
  state.escalation = {
    warned: fired.warned && !future(moved.warnAt),
    reminded: fired.reminded && !future(moved.deadlineAt),
    supervised: fired.supervised && !future(moved.supervisionAt),
    referred: fired.referred,
  };
  if (fired.reminded && !state.escalation.reminded) state.breaches -= 1;
}

/**
 * A supervision order (督办) on a missed deadline comes with a new deadline (PRODUCT.md, "Deadlines and
 * escalation"): the referral instant of the missed one, referralGrace (5) working days after it. The case
 * shows it as its deadline (list order, overdue flag, dashboard); the order itself is the warning, the
 * automatic order is not repeated, and missing the new deadline is a second breach and the referral.
 */
export function superviseDeadline(state: CaseState, now: string): void {
  const d = state.deadline;
  if (!d || d.supervision) return;
  state.deadline = { ...d, ...supervisedInstants(d, now), supervision: { orderedAt: now, missedDeadlineAt: d.deadlineAt } };
  state.escalation = { warned: true, reminded: false, supervised: true, referred: state.escalation.referred };
  // The missed deadline is forgiven only by a calendar change, never by the order: the breach stays counted.
}

/** The instants of a supervision deadline, from the schedule of the deadline that was missed. */
function supervisedInstants(missed: DeadlineSchedule, orderedAt: string): Omit<DeadlineSchedule, 'startedAt'> {
  return { warnAt: orderedAt, deadlineAt: missed.referralAt, supervisionAt: missed.supervisionAt, referralAt: missed.referralAt };
}

import type { ActorRef } from './case-actions';
import type { CaseStall, CaseState } from './case-state';
import type { Role } from './roles';

/** Who may retry a stalled case, once the cause is fixed (within their reach, which the API checks). */
export const STALL_RETRY_ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR'];

/** What a retry carries: who asks for it, and why it should succeed now. */
export interface RetryStalled {
  actor: ActorRef;
  note?: string;
}

/** The refusal of every action while the case (or its referral) is stalled. */
export function stalledRefusal(stall: CaseStall, subject: 'case' | 'referral' = 'case'): string {
  return `the ${subject} is stalled: ${stall.reason}; an administrator or supervisor must retry it once the cause is fixed`;
}

/** Why a retry may not be taken now, or null. */
export function refuseRetry(state: CaseState, actor: ActorRef): string | null {
  if (actor.role === 'COMPLAINANT' || !STALL_RETRY_ROLES.includes(actor.role)) return `retry needs the role ${STALL_RETRY_ROLES.join(' or ')}`;
  if (!state.stalled) return 'the case is not stalled: there is nothing to retry';
  return null;
}

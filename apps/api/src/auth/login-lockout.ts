/** How many consecutive failures lock a username, and for how long (LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_SECONDS). */
export interface LockoutPolicy {
  maxFailures: number;
  lockoutSeconds: number;
}

/** What a login attempt meets before its password is checked. */
export type LoginGate = { locked: true; retryAfterSeconds: number } | { locked: false; lockExpired: boolean };

/** The instant the lock ends when the failure just counted reaches the maximum; otherwise null. */
export function lockoutAfterFailure(failures: number, now: Date, policy: LockoutPolicy): Date | null {
  return failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutSeconds * 1000) : null;
}

/**
 * Locked while the lock has not run out, with whole seconds to wait (at least 1). A lock that has run
 * out is reported so its count can be forgotten: the next failure starts again from one.
 */
export function loginGate(record: { lockedUntil: Date | null } | null, now: Date): LoginGate {
  if (!record?.lockedUntil) return { locked: false, lockExpired: false };
  const msLeft = record.lockedUntil.getTime() - now.getTime();
  if (msLeft <= 0) return { locked: false, lockExpired: true };
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
}

/**
 * Every attempt is counted as a failure before its password is checked; one whose count (this attempt
 * included) is past the maximum never reaches the check, so parallel guesses get no more tries than serial ones.
 */
export function attemptAllowed(failuresIncludingThis: number, policy: LockoutPolicy): boolean {
  return failuresIncludingThis <= policy.maxFailures;
}

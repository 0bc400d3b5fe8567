import { attemptAllowed, lockoutAfterFailure, loginGate } from './login-lockout';

const policy = { maxFailures: 3, lockoutSeconds: 900 };
const now = new Date('2026-11-22T08:00:00.000Z');
const seconds = (n: number) => new Date(now.getTime() + n * 1000);

describe('lockoutAfterFailure', () => {
  it('does not lock below the maximum', () => {
    expect(lockoutAfterFailure(1, now, policy)).toBeNull();
    expect(lockoutAfterFailure(2, now, policy)).toBeNull();
  });

  it('locks for the lockout period on the failure that reaches the maximum', () => {
    expect(lockoutAfterFailure(3, now, policy)).toEqual(seconds(900));
  });

  it('locks again, from now, on a failure beyond the maximum (a race past the gate)', () => {
    expect(lockoutAfterFailure(7, now, policy)).toEqual(seconds(900));
  });

  it('locks on the first failure when the maximum is one', () => {
    expect(lockoutAfterFailure(1, now, { maxFailures: 1, lockoutSeconds: 60 })).toEqual(seconds(60));
  });
});

describe('loginGate', () => {
  it('is open for a username without failures or with failures but no lock', () => {
    expect(loginGate(null, now)).toEqual({ locked: false, lockExpired: false });
    expect(loginGate({ lockedUntil: null }, now)).toEqual({ locked: false, lockExpired: false });
  });

  it('is locked until the lock ends, with the whole seconds left rounded up', () => {
    expect(loginGate({ lockedUntil: seconds(900) }, now)).toEqual({ locked: true, retryAfterSeconds: 900 });
    expect(loginGate({ lockedUntil: seconds(0.2) }, now)).toEqual({ locked: true, retryAfterSeconds: 1 });
    expect(loginGate({ lockedUntil: seconds(59.001) }, now)).toEqual({ locked: true, retryAfterSeconds: 60 });
  });

  it('opens again, reporting the expired lock, at and after the instant the lock ends', () => {
    expect(loginGate({ lockedUntil: now }, now)).toEqual({ locked: false, lockExpired: true });
    expect(loginGate({ lockedUntil: seconds(-1) }, now)).toEqual({ locked: false, lockExpired: true });
  });
});

describe('attemptAllowed', () => {
  it('lets the attempts up to the maximum reach the password check, and none after', () => {
    expect([1, 2, 3, 4, 10].map((n) => attemptAllowed(n, policy))).toEqual([true, true, true, false, false]);
  });
});

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { LoginAttemptEntity } from '@app/database';
import { TooManyAttemptsException } from '../abuse/too-many-attempts.exception';
import { lockoutAfterFailure, loginGate, type LockoutPolicy } from './login-lockout';

export const LOCKED_MESSAGE = 'Too many failed logins; try again later';

/**
 * Failed-login lockout per submitted username, kept in MySQL so it holds across replicas and restarts.
 * Unknown usernames are counted and locked exactly like real ones, so a lock reveals nothing.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginAttemptEntity) private readonly attempts: Repository<LoginAttemptEntity>,
    private readonly config: AppConfig,
  ) {}

  /** Throws a 429 while the username is locked; forgets the count of a lock that has run out. */
  async assertNotLocked(username: string, now = new Date()): Promise<void> {
    const record = await this.attempts.findOne({ where: { username }, select: { username: true, lockedUntil: true } });
    const gate = loginGate(record, now);
    if (gate.locked) throw new TooManyAttemptsException(LOCKED_MESSAGE, gate.retryAfterSeconds);
    if (gate.lockExpired) await this.attempts.delete({ username, lockedUntil: LessThanOrEqual(now) });
  }

  /** Counts one failure; the one that reaches LOGIN_MAX_FAILURES locks the username. */
  async recordFailure(username: string, now = new Date()): Promise<void> {
    await this.attempts.manager.transaction(async (manager) => {
      // The upsert holds the row lock until commit, so the count read back is this failure's own.
      await manager.query(
        `INSERT INTO login_attempts (username, failures, locked_until, last_failure_at) VALUES (?, 1, NULL, ?)
         ON DUPLICATE KEY UPDATE failures = failures + 1, last_failure_at = ?`,
        [username, now, now],
      );
      const [{ failures }] = await manager.query<{ failures: number }[]>('SELECT failures FROM login_attempts WHERE username = ?', [username]);
      const lockedUntil = lockoutAfterFailure(Number(failures), now, this.policy());
      if (lockedUntil) await manager.query('UPDATE login_attempts SET locked_until = ? WHERE username = ?', [lockedUntil, username]);
    });
  }

  /** A successful login clears the count. */
  async recordSuccess(username: string): Promise<void> {
    await this.attempts.delete({ username });
  }

  private policy(): LockoutPolicy {
    return { maxFailures: this.config.LOGIN_MAX_FAILURES, lockoutSeconds: this.config.LOGIN_LOCKOUT_SECONDS };
  }
}

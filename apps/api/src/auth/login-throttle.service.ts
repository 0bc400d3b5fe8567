import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { LoginAttemptEntity } from '@app/database';
import { TooManyAttemptsException } from '../abuse/too-many-attempts.exception';
import { attemptAllowed, lockoutAfterFailure, loginGate, type LockoutPolicy } from './login-lockout';

export const LOCKED_MESSAGE = 'Too many failed logins; try again later';

/** An attempt that may check its password, and how many failures it made by being counted. */
export interface LoginTicket {
  username: string;
  failures: number;
}

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

  /**
   * Counts the attempt as a failure, atomically, before the password is checked; throws a 429 while the
   * username is locked or when this attempt is past LOGIN_MAX_FAILURES (it then locks the username).
   * A count whose lock ran out, or that is older than LOGIN_ATTEMPT_TTL_SECONDS, starts again from one.
   */
  async begin(username: string, now = new Date()): Promise<LoginTicket> {
    const staleBefore = new Date(now.getTime() - this.config.LOGIN_ATTEMPT_TTL_SECONDS * 1000);
    return this.attempts.manager.transaction(async (manager) => {
      // MySQL assigns left to right: failures reads the old locked_until and last_failure_at.
      await manager.query(
        `INSERT INTO login_attempts (username, failures, locked_until, last_failure_at) VALUES (?, 1, NULL, ?)
         ON DUPLICATE KEY UPDATE
           failures = IF((locked_until IS NOT NULL AND locked_until <= ?) OR (locked_until IS NULL AND last_failure_at <= ?), 1, failures + 1),
           locked_until = IF(locked_until IS NOT NULL AND locked_until <= ?, NULL, locked_until),
           last_failure_at = ?`,
        [username, now, now, staleBefore, now, now],
      );
      // The upsert holds the row lock until commit, so the count read back is this attempt's own.
      const [row] = await manager.query<{ failures: number; locked_until: Date | null }[]>('SELECT failures, locked_until FROM login_attempts WHERE username = ?', [username]);
      const gate = loginGate({ lockedUntil: row.locked_until }, now);
      if (gate.locked) throw new TooManyAttemptsException(LOCKED_MESSAGE, gate.retryAfterSeconds);
      const failures = Number(row.failures);
      if (!attemptAllowed(failures, this.policy())) {
        const lockedUntil = lockoutAfterFailure(failures, now, this.policy())!;
        await manager.query('UPDATE login_attempts SET locked_until = ? WHERE username = ?', [lockedUntil, username]);
        throw new TooManyAttemptsException(LOCKED_MESSAGE, this.config.LOGIN_LOCKOUT_SECONDS);
      }
      return { username, failures };
    });
  }

  /** The password was wrong: the failure is already counted; the one that reaches the maximum locks. */
  async failed(ticket: LoginTicket, now = new Date()): Promise<void> {
    const lockedUntil = lockoutAfterFailure(ticket.failures, now, this.policy());
    if (lockedUntil) await this.attempts.update({ username: ticket.username }, { lockedUntil });
  }

  /** A successful login clears the count. */
  async succeeded(ticket: LoginTicket): Promise<void> {
    await this.attempts.delete({ username: ticket.username });
  }

  private policy(): LockoutPolicy {
    return { maxFailures: this.config.LOGIN_MAX_FAILURES, lockoutSeconds: this.config.LOGIN_LOCKOUT_SECONDS };
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';

const SWEEP_EVERY_MS = 5 * 60_000;
const BATCH = 5000;

/**
 * Deletes what abuse resistance no longer needs: rate-limit windows that ended, and login_attempts rows
 * with no running lock whose last failure is older than LOGIN_ATTEMPT_TTL_SECONDS (such a count is
 * already ignored by the next attempt). Every replica sweeps; the deletes are idempotent.
 */
@Injectable()
export class ExpiredRowsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiredRowsSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: Error) => this.logger.warn(`sweep failed: ${error.message}`)), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<{ loginAttempts: number; rateLimitWindows: number }> {
    const staleBefore = new Date(now.getTime() - this.config.LOGIN_ATTEMPT_TTL_SECONDS * 1000);
    const attempts = (await this.dataSource.query(
      `DELETE FROM login_attempts WHERE last_failure_at <= ? AND (locked_until IS NULL OR locked_until <= ?) LIMIT ${BATCH}`,
      [staleBefore, now],
    )) as { affectedRows: number };
    const windows = (await this.dataSource.query(`DELETE FROM rate_limit_windows WHERE window_ends_at <= ? LIMIT ${BATCH}`, [now])) as { affectedRows: number };
    return { loginAttempts: attempts.affectedRows, rateLimitWindows: windows.affectedRows };
  }
}

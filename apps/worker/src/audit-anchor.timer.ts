import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sealAnchor, type SealResult } from '@app/audit';
import { AppConfig } from '@app/config';

/**
 * Seals the audit chains' heads into the next anchor every AUDIT_ANCHOR_SECONDS. Every worker runs it:
 * the sealers take turns on the anchor head, and one finds an anchor younger than half the interval (or
 * nothing moved) and writes nothing. Each anchor's hash goes to the log, a witness outside the database.
 */
@Injectable()
export class AuditAnchorTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditAnchorTimer.name);
  private timer?: NodeJS.Timeout;
  private sealing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.AUDIT_ANCHOR_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.seal(), seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One round; a round still running (a slow database) is not overtaken by the next. */
  async seal(): Promise<SealResult | null> {
    if (this.sealing) return null;
    this.sealing = true;
    try {
      const result = await sealAnchor(this.dataSource.manager, { minIntervalMs: (this.config.AUDIT_ANCHOR_SECONDS * 1000) / 2 });
      if (result.sealed) this.logger.log(`audit anchor #${result.seq} sealed: ${result.hash}`);
      return result;
    } catch (error) {
      this.logger.warn(`sealing an audit anchor failed: ${(error as Error).message}`);
      return null;
    } finally {
      this.sealing = false;
    }
  }
}

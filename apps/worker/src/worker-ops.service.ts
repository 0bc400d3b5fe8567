import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { closeOpsServer, metricsRoute, startOpsServer } from '@app/observability';
import { WorkerHost } from './worker-host.service';
import { WorkerMetrics } from './worker-metrics';

const CHECK_DEADLINE_MS = 2500;

/**
 * The worker's ops listener on WORKER_OPS_PORT: /live (the process answers), /ready (the worker polls,
 * Temporal and the database answer) and /metrics. Probes and Prometheus only; nothing public.
 */
@Injectable()
export class WorkerOps implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerOps.name);
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly host: WorkerHost,
    private readonly metrics: WorkerMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = await startOpsServer(this.config.OPS_HOST, this.config.WORKER_OPS_PORT, {
      '/live': async () => ({ status: 200, body: JSON.stringify({ status: 'up' }) }),
      '/ready': async () => {
        const problems = await this.readinessProblems();
        return { status: problems.length === 0 ? 200 : 503, body: JSON.stringify(problems.length === 0 ? { status: 'up' } : { status: 'down', problems }) };
      },
      '/metrics': metricsRoute(this.metrics.registry),
    });
    if (this.server) this.logger.log(`ops listener on http://${this.config.OPS_HOST}:${this.config.WORKER_OPS_PORT} (/live, /ready, /metrics)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeOpsServer(this.server);
  }

  private async readinessProblems(): Promise<string[]> {
    const check = async (name: string, call: () => Promise<unknown>) => {
      try {
        await withDeadline(call());
        return null;
      } catch (error) {
        return `${name}: ${(error as Error).message}`;
      }
    };
    const results = await Promise.all([
      this.host.isRunning() ? null : 'worker: not running',
      check('database', () => this.dataSource.query('SELECT 1')),
      check('temporal', () => this.host.pingTemporal(CHECK_DEADLINE_MS)),
    ]);
    return results.filter((r): r is string => r !== null);
  }
}

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_DEADLINE_MS} ms`)), CHECK_DEADLINE_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

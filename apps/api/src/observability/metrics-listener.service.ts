import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { Registry } from 'prom-client';
import { AppConfig } from '@app/config';
import { closeOpsServer, metricsRoute, startOpsServer } from '@app/observability';

/** GET /metrics on METRICS_PORT (OPS_HOST), apart from the public port. */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsListener.name);
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: Registry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = await startOpsServer(this.config.OPS_HOST, this.config.METRICS_PORT, { '/metrics': metricsRoute(this.registry) });
    if (this.server) this.logger.log(`metrics on http://${this.config.OPS_HOST}:${this.config.METRICS_PORT}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeOpsServer(this.server);
  }
}

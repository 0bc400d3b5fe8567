import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DatabaseModule } from '@app/database';
import { createMetricsRegistry } from '@app/observability';
import { registerCaseGauges } from './case-gauges';
import { MetricsListener } from './metrics-listener.service';

/** The API's metrics: Node's defaults, the case gauges, and (mounted in bootstrap.ts) the HTTP histogram. */
@Module({
  imports: [DatabaseModule],
  providers: [
    {
      provide: Registry,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => {
        const registry = createMetricsRegistry();
        registerCaseGauges(registry, dataSource);
        return registry;
      },
    },
    MetricsListener,
  ],
  exports: [Registry],
})
export class ObservabilityModule {}

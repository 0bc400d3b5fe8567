import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DatabaseModule } from '@app/database';
import { HEALTH_PROBES, type HealthProbe } from './health-probe';
import { HealthController } from './health.controller';
import { countStalledCases } from './stalled-cases';

const PROBE_DEADLINE_MS = 2500;

@Module({
  imports: [DatabaseModule],
  controllers: [HealthController],
  providers: [
    {
      provide: HEALTH_PROBES,
      inject: [getDataSourceToken(), Connection],
      useFactory: (dataSource: DataSource, temporal: Connection): HealthProbe[] => [
        { name: 'database', critical: true, check: async () => void (await dataSource.query('SELECT 1')) },
        // With a deadline of its own, so the call ends rather than retry on after the answer (and after shutdown).
        { name: 'temporal', critical: true, check: async () => void (await temporal.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => temporal.workflowService.getSystemInfo({}))) },
        // Stalled cases are the staff's to retry, not an outage (README, "Stalled cases"): reported, never failing /health.
        { name: 'stalledCases', critical: false, check: async () => ({ count: await countStalledCases(dataSource) }) },
      ],
    },
  ],
})
export class HealthModule {}

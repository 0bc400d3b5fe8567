import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DatabaseModule } from '@app/database';
import { HEALTH_PROBES, type HealthProbe } from './health-probe';
import { HealthController } from './health.controller';

@Module({
  imports: [DatabaseModule],
  controllers: [HealthController],
  providers: [
    {
      provide: HEALTH_PROBES,
      inject: [getDataSourceToken(), Connection],
      useFactory: (dataSource: DataSource, temporal: Connection): HealthProbe[] => [
        { name: 'database', critical: true, check: async () => void (await dataSource.query('SELECT 1')) },
        { name: 'temporal', critical: true, check: async () => void (await temporal.workflowService.getSystemInfo({})) },
      ],
    },
  ],
})
export class HealthModule {}

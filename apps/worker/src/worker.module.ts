import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarModule } from '@app/calendar';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EvidenceModule } from '@app/evidence';
import { LoggingModule, type LoggingOptions } from '@app/observability';
import { ProjectionModule } from '@app/projection';
import { SlaModule } from '@app/sla';
import { StorageModule } from '@app/storage';
import { AuditAnchorTimer } from './audit-anchor.timer';
import { CampaignPortsService } from './campaigns/campaign-ports.service';
import { WorkerHost } from './worker-host.service';
import { WorkerMetrics } from './worker-metrics';
import { WorkerOps } from './worker-ops.service';

@Module({
  imports: [ConfigModule, DatabaseModule, AuditModule, ProjectionModule, CalendarModule, SlaModule, StorageModule, EvidenceModule],
  providers: [WorkerHost, WorkerMetrics, WorkerOps, CampaignPortsService, AuditAnchorTimer],
})
export class WorkerModule {
  /** The module with the process's logging: main.ts passes the logger it made first, tests where the lines go. */
  static withLogging(options: Omit<LoggingOptions, 'service'> = {}): DynamicModule {
    return { module: WorkerModule, imports: [LoggingModule.forRoot({ service: 'worker', ...options })] };
  }
}

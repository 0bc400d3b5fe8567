import { Module } from '@nestjs/common';
import { CalendarModule } from '@app/calendar';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EvidenceModule } from '@app/evidence';
import { ProjectionModule } from '@app/projection';
import { SlaModule } from '@app/sla';
import { StorageModule } from '@app/storage';
import { WorkerHost } from './worker-host.service';

@Module({
  imports: [ConfigModule, DatabaseModule, ProjectionModule, CalendarModule, SlaModule, StorageModule, EvidenceModule],
  providers: [WorkerHost],
})
export class WorkerModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '@app/calendar';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ProjectionModule } from '@app/projection';
import { SlaModule } from '@app/sla';
import { WorkerHost } from './worker-host.service';

@Module({
  imports: [ConfigModule, DatabaseModule, ProjectionModule, CalendarModule, SlaModule],
  providers: [WorkerHost],
})
export class WorkerModule {}

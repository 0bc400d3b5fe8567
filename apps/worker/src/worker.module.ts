import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { ProjectionModule } from '@app/projection';
import { WorkerHost } from './worker-host.service';

@Module({
  imports: [ConfigModule, ProjectionModule],
  providers: [WorkerHost],
})
export class WorkerModule {}

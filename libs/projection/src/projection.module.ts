import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { CaseProjectionWriter } from './case-projection.writer';

@Module({
  imports: [DatabaseModule],
  providers: [CaseProjectionWriter],
  exports: [CaseProjectionWriter],
})
export class ProjectionModule {}
